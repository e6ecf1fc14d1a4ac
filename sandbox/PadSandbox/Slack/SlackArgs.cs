using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>A Web API call's arguments, as Slack takes them: query string, form body or JSON body.</summary>
public sealed class SlackArgs(Dictionary<string, JsonNode?> values, string? bearer)
{
    public string? Token => bearer ?? String("token");

    public string? String(string name) => values.TryGetValue(name, out var v) && v is not null
        ? (v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v.ToJsonString())
        : null;

    /// <summary>Blocks arrive as a JSON array in a JSON body, or as a JSON string in a form body.</summary>
    public JsonArray? Blocks()
    {
        if (!values.TryGetValue("blocks", out var v) || v is null) return null;
        return v as JsonArray ?? JsonNode.Parse(v.GetValue<string>()) as JsonArray;
    }

    public static async Task<SlackArgs> ReadAsync(HttpRequest request)
    {
        var values = new Dictionary<string, JsonNode?>();
        foreach (var (k, v) in request.Query) values[k] = JsonValue.Create(v.ToString());
        if (request.HasFormContentType)
        {
            foreach (var (k, v) in await request.ReadFormAsync()) values[k] = JsonValue.Create(v.ToString());
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject body)
                foreach (var (k, v) in body) values[k] = v?.DeepClone();
        }
        var auth = request.Headers.Authorization.ToString();
        var bearer = auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..].Trim() : null;
        return new SlackArgs(values, bearer);
    }
}
