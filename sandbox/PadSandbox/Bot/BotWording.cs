using System.Globalization;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PadSandbox.Bot;

/// <summary>
/// How the bot words what it says this time. The real bot's words come from an LLM and vary run to run; only its Block
/// Kit (preview, notifications, buttons) is built by code (REAL-SYSTEM.md, "the bot's mind"; DV/UAT_ISSUES_FOUND.md:41-52).
/// The stand-in varies the same way, but from a seed: each choice is a hash of the seed, the conversation and the turn,
/// so a run is repeated exactly with its seed (`./uat --bot-seed N`), and a test that passes only for one wording
/// fails for another seed.
/// </summary>
public sealed class BotWording(int seed)
{
    public int Seed => seed;

    /// <summary>A seed nobody chose: the run's report prints it, so a failure can be repeated.</summary>
    public static int NewSeed() => Random.Shared.Next(1, 1_000_000);

    /// <summary>One of <paramref name="lines"/> for this turn of this conversation, with {placeholders} filled in.</summary>
    public string Say(string conversation, string turn, IReadOnlyList<string> lines, params (string Name, string Value)[] values)
    {
        var line = lines[(int)(Hash(conversation, turn) % (uint)lines.Count)];
        foreach (var (name, value) in values) line = line.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return line;
    }

    /// <summary>Whether this conversation takes a detour at <paramref name="turn"/>: about one time in <paramref name="oneIn"/>.</summary>
    public bool Now(string conversation, string turn, int oneIn) => Hash(conversation, turn + "?") % (uint)oneIn == 0;

    private uint Hash(string conversation, string turn) =>
        BinaryPrimitives.ReadUInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}|{conversation}|{turn}"))));
}
