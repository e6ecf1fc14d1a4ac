namespace PadSandbox.Bot;

/// <summary>
/// The ways the bot says each thing while it takes a request. The questions and their order are the checklist's (1.1-1.9:
/// security, buy/sell, quantity, price, currency, broker, account, reason), with the security confirmation turn
/// (T/security_confirmation_ux_and_position_lookup_20260122/spec.md:71, "Can you confirm you are referring to BUND (Euro
/// Bond)?") and justification coaching (T/conversational_session_hardening_20260104/spec.md 2.3, "Too brief. Add more?").
/// The documents give the questions' content, never fixed words: every phrasing of a question names what it asks, which
/// is all a test of an LLM's bot may rely on (REAL-SYSTEM.md).
/// </summary>
public static class BotLines
{
    public static readonly string[] Greeting =
    [
        "Hi {name}! Happy to help you get a personal trade pre-approved. ",
        "Hello {name}, let's get your trade pre-approved. ",
        "Hi {name} — I can take your PA dealing request. ",
    ];

    public static readonly string[] AskSecurity =
    [
        "Which security would you like to trade? A ticker or Bloomberg code is best (e.g. AAPL US Equity).",
        "What security is it? Its ticker or Bloomberg code is fine.",
        "Which security are you looking to trade?",
    ];

    public static readonly string[] UnknownSecurity =
    [
        "I couldn't find '{answer}' among the firm's securities. Which security do you mean? A ticker or Bloomberg code helps.",
        "'{answer}' doesn't match any security I can find. What security is it? A ticker or Bloomberg code helps.",
    ];

    public static readonly string[] ConfirmSecurity =
    [
        "Can you confirm you are referring to {ticker} ({description}, {bloomberg})?",
        "I found {ticker}: {description} ({bloomberg}, trades in {currency}). Is this the security you mean?",
        "That looks like {description} ({ticker}, {bloomberg}). Can you confirm you are referring to it?",
    ];

    public static readonly string[] AskSecurityAfterNo =
    [
        "No problem. What security are you looking for?",
        "OK, not that one. Which security do you mean?",
    ];

    public static readonly string[] Restricted =
    [
        "⛔ {ticker} is on the restricted list ({reason}). You cannot trade this security, so I've stopped this request.",
        "⛔ Sorry, {ticker} is on the restricted list ({reason}). You cannot trade this security; nothing has been submitted.",
    ];

    public static readonly string[] AskDirection =
    [
        "Are you buying or selling {ticker}?",
        "Do you want to buy or sell {ticker}?",
        "Got it, {ticker}. Is this a buy or a sell?",
    ];

    public static readonly string[] AskDirectionAgain =
    [
        "Sorry, I didn't catch that. Are you buying or selling?",
        "Is that a buy or a sell?",
    ];

    public static readonly string[] AskQuantity =
    [
        "How many {ticker} shares do you want to {direction}?",
        "What quantity are you looking to {direction}?",
        "And how many shares?",
    ];

    public static readonly string[] AskQuantityAgain =
    [
        "I need a number of shares above zero. How many?",
        "Sorry, what quantity? A number above zero, please.",
    ];

    public static readonly string[] AskPrice =
    [
        "What price do you expect per share, roughly?",
        "What's the estimated price per share?",
        "Roughly what price do you expect to {direction} at?",
    ];

    public static readonly string[] AskPriceAgain =
    [
        "I need a price above zero. What price per share do you expect?",
        "Sorry, what price per share? A number above zero, please.",
    ];

    public static readonly string[] AskCurrency =
    [
        "That makes an estimated value of {value}. Which currency is that in?",
        "So about {value} in all. What currency is the trade in (e.g. USD, GBP)?",
        "An estimated value of {value}. And the currency?",
    ];

    public static readonly string[] AskCurrencyAgain =
    [
        "Which currency is that? A code like USD or GBP, please.",
        "Sorry, I don't know that currency. Which currency (USD, GBP, EUR…)?",
    ];

    public static readonly string[] AskAccount =
    [
        "What's the account number for this trade?",
        "Which account will it go through? The account number, please.",
        "And the account number?",
    ];

    public static readonly string[] AskBroker =
    [
        "Which broker will you trade through?",
        "Who is your broker for this trade?",
        "What broker are you using?",
    ];

    public static readonly string[] AskReason =
    [
        "What's the reason for this trade?",
        "Why are you making this trade? A short reason is fine.",
        "Last thing: what's your reason for the trade?",
    ];

    public static readonly string[] CoachReason =
    [
        "That's a bit brief for compliance. Could you add more detail, or reply \"that's all\"?",
        "Too brief for compliance, I'm afraid. Add more, or reply \"that's all\" to keep it as it is.",
    ];

    public static readonly string[] AskAgain = ["Sorry, I didn't get that. {question}"];

    public static readonly string[] Preview =
    [
        "Please review your request before submitting:",
        "Here's your request. Please check it:",
        "Almost done. Please review:",
    ];

    public static readonly string[] UseThePreviewButtons =
    [
        "Please use the Agree & Submit or Cancel button on the summary above.",
        "To go ahead, use the summary's Agree & Submit button above (or Cancel).",
    ];
}
