using System.Text.Json;
using System.Text.Json.Nodes;

namespace PadSandbox.Slack;

/// <summary>
/// A Web API call's arguments as Slack reads them: the query string and a form body on every method; a JSON body
/// only on methods that read JSON, where the token must come in Authorization: Bearer (a "token" inside JSON is
/// not a credential). A read method ignores a JSON body altogether, as Slack does.
/// </summary>
public sealed class SlackArgs
{
    private readonly Dictionary<string, JsonNode?> _values;

    private SlackArgs(Dictionary<string, JsonNode?> values, string? token) { _values = values; Token = token; }

    public string? Token { get; }

    public string? String(string name) => _values.TryGetValue(name, out var v) && v is not null
        ? (v is JsonValue jv && jv.TryGetValue<string>(out var s) ? s : v.ToJsonString())
        : null;

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>Blocks: a JSON array in a JSON body, or a JSON string in a form body; "invalid_blocks" when neither.</summary>
    public (JsonArray? Blocks, bool Valid) Blocks()
    {
        if (!_values.TryGetValue("blocks", out var v) || v is null) return (null, true);
        if (v is JsonArray array) return (array, true);
        try { return JsonNode.Parse(v.GetValue<string>()) is JsonArray parsed ? (parsed, true) : (null, false); }
        catch (Exception e) when (e is JsonException or InvalidOperationException) { return (null, false); }
    }

    /// <summary>The arguments, or the error name Slack answers for a body it cannot read.</summary>
    public static async Task<(SlackArgs? Args, string? Error)> ReadAsync(HttpRequest request, SlackMethod method)
    {
        var values = new Dictionary<string, JsonNode?>();
        foreach (var (k, v) in request.Query) values[k] = JsonValue.Create(v.ToString());
        string? bodyToken = request.Query.TryGetValue("token", out var qt) ? qt.ToString() : null;
        var type = request.ContentType;
        if (HttpMethods.IsPost(request.Method) && type is null && await HasBodyAsync(request)) return (null, "missing_post_type");
        if (HttpMethods.IsPost(request.Method) && type is not null)
        {
            if (Charset(type) is { } charset && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) return (null, "invalid_charset");
            if (request.HasFormContentType)
            {
                try { foreach (var (k, v) in await request.ReadFormAsync()) values[k] = JsonValue.Create(v.ToString()); }
                catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException) { return (null, "invalid_form_data"); }
                if (values.TryGetValue("token", out var ft)) bodyToken = ft?.GetValue<string>();
            }
            else if (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            {
                if (method.ReadsJson)
                {
                    // An empty JSON body is no arguments (Python's slack_sdk sends one for auth.test).
                    var text = await new StreamReader(request.Body).ReadToEndAsync();
                    JsonNode? body = null;
                    try { if (!string.IsNullOrWhiteSpace(text)) body = JsonNode.Parse(text); }
                    catch (JsonException) { return (null, "invalid_json"); }
                    if (body is not null and not JsonObject) return (null, "json_not_object");
                    foreach (var (k, v) in (body as JsonObject ?? []).Where(p => p.Key != "token")) values[k] = v?.DeepClone();
                }
            }
            else if (await HasBodyAsync(request)) return (null, "invalid_post_type");
        }
        return (new SlackArgs(values, Bearer(request) ?? bodyToken), null);
    }

    private static async Task<bool> HasBodyAsync(HttpRequest request)
    {
        var buffer = new byte[1];
        return await request.Body.ReadAsync(buffer) > 0;
    }

    private static string? Bearer(HttpRequest request)
    {
        var auth = request.Headers.Authorization.ToString();
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..].Trim() : null;
    }

    private static string? Charset(string contentType) =>
        contentType.Split(';').Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?["charset=".Length..].Trim('"');
}
