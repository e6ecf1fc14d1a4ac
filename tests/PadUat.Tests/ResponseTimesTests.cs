using Xunit;
using PadUat.Support.Configuration;

namespace PadUat.Tests;

/// <summary>Plan 5.11's agreed times come from the feature's table: the row for the run's environment, in milliseconds.</summary>
public sealed class ResponseTimesTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Agreed =
    [
        ["local", "20", "0.5 s", "1 s", "50 ms", "1.5 s"],
        ["dev, qa, rehearsal", "20", "2 s", "3 s", "100 ms", "3 s"],
    ];

    [Fact]
    public void The_row_naming_the_environment_gives_the_times_in_milliseconds()
    {
        Assert.Equal(new ResponseTimes(20, 500, 1000, 50, 1500), ResponseTimes.For("local", Agreed));
        Assert.Equal(new ResponseTimes(20, 2000, 3000, 100, 3000), ResponseTimes.For("qa", Agreed));
    }

    [Fact]
    public void An_environment_without_agreed_times_is_a_settings_error_naming_it()
    {
        var error = Assert.Throws<SettingsError>(() => ResponseTimes.For("staging", Agreed));
        Assert.StartsWith("APP_ENV: no response times are agreed for 'staging'", error.Message);
    }

    [Fact]
    public void A_time_without_its_unit_is_refused()
    {
        var error = Assert.Throws<SettingsError>(() => ResponseTimes.For("local", [["local", "20", "500", "1 s", "50 ms", "1.5 s"]]));
        Assert.Contains("'500' is not a time", error.Message);
    }
}
