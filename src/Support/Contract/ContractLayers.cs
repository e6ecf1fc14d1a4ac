using System.Text.Json;
using System.Text.Json.Nodes;
using PadUat.Support.Configuration;

namespace PadUat.Support.Contract;

/// <summary>
/// A contract may extend another (<c>"extends": "pad-real"</c>): the stand-in's contract holds only what the real system's
/// documents leave open, so no fact they give can be said twice and drift. The extension may add an entry the base lacks
/// and add alternatives to a list (a phrasing a person may write, a way the bot may put a thing); it may never change or
/// drop what the base says. A value that must differ is a departure, declared with its reason under
/// <c>"departures"</c> (path → why), listed by the probe; an undeclared change, or a departure that changes nothing, is refused.
/// </summary>
internal static class ContractLayers
{
    /// <summary>The extension's own keys: what it is, not what it says of the target.</summary>
    private static readonly string[] OwnKeys = ["name", "describes", "extends", "departures"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>targets/<paramref name="name"/>.json with every contract it extends merged beneath it.</summary>
    public static JsonObject Read(string repoRoot, string name) => Read(repoRoot, name, []);

    private static JsonObject Read(string repoRoot, string name, HashSet<string> seen)
    {
        var file = $"targets/{name}.json";
        if (!seen.Add(name)) throw new SettingsError($"{file}: extends itself through {string.Join(" → ", seen)}");
        var path = TargetContract.PathOf(repoRoot, name);
        if (!File.Exists(path)) throw new SettingsError($"TARGET_CONTRACT: no {file} (the contracts are the files under targets/)");
        var layer = JsonNode.Parse(File.ReadAllText(path), documentOptions: Options) as JsonObject
            ?? throw new JsonException("the file is not a JSON object");
        if (layer["extends"] is not { } extends) return layer;

        var baseName = extends.GetValue<string>();
        var merged = Read(repoRoot, baseName, seen);
        var departures = (layer["departures"] as JsonObject)?.ToDictionary(d => d.Key, d => d.Value?.GetValue<string>() ?? "") ?? [];
        var changed = new HashSet<string>();
        var refused = new List<string>();
        Merge(merged, layer, "", departures, changed, refused);
        refused.AddRange(departures.Keys.Except(changed).Select(d => $"departures.{d} changes nothing of targets/{baseName}.json: remove it"));
        refused.AddRange(departures.Where(d => d.Value.Trim().Length == 0).Select(d => $"departures.{d.Key} gives no reason"));
        if (refused.Count > 0)
            throw new SettingsError($"{file} extends targets/{baseName}.json but {string.Join("; ", refused)}");
        return merged;
    }

    private static void Merge(JsonObject into, JsonObject layer, string path, IReadOnlyDictionary<string, string> departures,
        HashSet<string> changed, List<string> refused)
    {
        foreach (var (key, value) in layer.ToList())
        {
            var at = path.Length == 0 ? key : $"{path}.{key}";
            var mine = value?.DeepClone();
            if (path.Length == 0 && OwnKeys.Contains(key) || !into.ContainsKey(key)) { into[key] = mine; continue; }
            switch (into[key], mine)
            {
                case (JsonObject basis, JsonObject added):
                    Merge(basis, added, at, departures, changed, refused);
                    break;
                case (JsonArray basis, JsonArray added):
                    foreach (var item in added.Where(a => !basis.Any(b => JsonNode.DeepEquals(a, b))).ToList())
                        basis.Add(item?.DeepClone());
                    break;
                case var (basis, _) when JsonNode.DeepEquals(basis, mine):
                    break;
                case var (basis, _) when departures.ContainsKey(at):
                    into[key] = mine;
                    changed.Add(at);
                    break;
                case var (basis, _):
                    refused.Add($"changes {at} ({basis?.ToJsonString() ?? "null"} → {mine?.ToJsonString() ?? "null"}): add to what the documents leave open, " +
                                $"or declare it under departures with why");
                    break;
            }
        }
    }
}
