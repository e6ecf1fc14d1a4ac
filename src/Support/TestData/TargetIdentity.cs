using System.Security.Cryptography;
using System.Text;
using PadUat.Support.Configuration;

namespace PadUat.Support.TestData;

/// <summary>
/// What a clean-up journal was written for: the environment, the database as reached (host, port, name, schema, user)
/// and the UAT's test people. A journal line of another identity — a change of test people, another env reached through the
/// same tunnel — is never acted on.
/// </summary>
public sealed record TargetIdentity(string AppEnv, DatabaseSettings Database, Cast Cast)
{
    public string Fingerprint => Hash(string.Join('|', AppEnv, Database.Host, Database.Port, Database.Name, Database.Schema, Database.User,
        string.Join(',', Cast.LowerCaseEmails)));

    /// <summary>The database as reached, readable in a file name: every journal of this database, whatever its identity, starts so.</summary>
    public string DatabaseStem => string.Concat($"{Database.Host}:{Database.Port}/{Database.Name}".Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));

    /// <summary>The journal file's name: readable (which database) and unique to the identity.</summary>
    public string FileName => $"{DatabaseStem}-{Fingerprint[..8]}.jsonl";

    public IEnumerable<string> Emails => Cast.Emails;

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
