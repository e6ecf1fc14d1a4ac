using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace PadSandbox.Workflow;

/// <summary>
/// Finds the security a person means in what they wrote, as the real bot's lookup does (checklist 1.2: "3-tier lookup",
/// Bloomberg → MapInstSymbol → Product; DV/UAT_ISSUES_FOUND.md:89-92): by ticker, by Bloomberg code ("AAPL US Equity"),
/// by instrument symbol ("AAPL.O"), then by the name's first word ("Apple"). Deleted securities are not offered.
/// </summary>
public sealed partial class SecurityLookup(NpgsqlDataSource db)
{
    private const string Select = """
        SELECT id, ticker, description, trade_currency AS currency, bloomberg FROM bo_airflow.oracle_bloomberg WHERE is_deleted_yn = 'N'
        """;

    /// <summary>The security an answer to "which security?" names, or null. The whole answer is the security.</summary>
    public async Task<Security?> FindAsync(string answer)
    {
        var text = answer.Trim();
        if (text.Length == 0) return null;
        // "BARC US Equity" for BARC LN Equity: a Bloomberg code with the wrong market still names its ticker.
        var ticker = BloombergCode().Match(text) is { Success: true } code ? code.Groups[1].Value : text;
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QueryFirstOrDefaultAsync<Security>(Select + """
             AND (upper(ticker) = upper(@ticker) OR upper(bloomberg) = upper(@text) OR upper(inst_symbol) = upper(@text))
            """, new { text, ticker })
            ?? await ByNameAsync(conn, Words(text));
    }

    /// <summary>
    /// A security named in passing ("I want to trade Apple stock", "buy some TSLA"): a ticker written in capitals, or a name's
    /// first word. Null when the message names none, and the bot asks.
    /// </summary>
    public async Task<Security?> MentionedInAsync(string message)
    {
        await using var conn = await db.OpenConnectionAsync();
        foreach (var ticker in Capitals().Matches(message).Select(m => m.Value))
            if (await conn.QueryFirstOrDefaultAsync<Security>(Select + " AND ticker = @ticker", new { ticker }) is { } found)
                return found;
        return await ByNameAsync(conn, Words(message));
    }

    private static async Task<Security?> ByNameAsync(NpgsqlConnection conn, IReadOnlyList<string> words)
    {
        foreach (var word in words.Where(w => w.Length >= 4))
            if (await conn.QueryFirstOrDefaultAsync<Security>(Select + " AND upper(split_part(description, ' ', 1)) = upper(@word) ORDER BY id LIMIT 1",
                    new { word }) is { } found)
                return found;
        return null;
    }

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value).ToList();

    [GeneratedRegex(@"^(\S+)\s+[A-Za-z]{2}\s+equity$", RegexOptions.IgnoreCase)]
    private static partial Regex BloombergCode();

    [GeneratedRegex(@"\b[A-Z]{2,5}\b")]
    private static partial Regex Capitals();

    [GeneratedRegex(@"[A-Za-z][A-Za-z.\-]*")]
    private static partial Regex Word();
}
