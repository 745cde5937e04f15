using System.Collections.Generic;
using System.Text.Json;
using Examples.Cli;

namespace Examples.Tests;

/// <summary>metrics.json keeps what was measured: a very short run is not written as 0 seconds.</summary>
public class MetricsJsonTests
{
    [Theory]
    [InlineData(0.004)]   // odd-only on 256 digits sometimes trains in a few milliseconds (was written 0.00)
    [InlineData(0.000_02)]
    [InlineData(12.345678)]
    public void Train_seconds_keeps_a_short_run_above_zero(double seconds)
    {
        var result = new ExampleResult("odd-only", 1, seconds, new Dictionary<string, double> { ["accuracy"] = 0.5 }, new string[0]);

        using var json = JsonDocument.Parse(ExampleApp.MetricsJson(result));

        double written = json.RootElement.GetProperty("train_seconds").GetDouble();
        Assert.True(written > 0, $"{seconds} s was written as {written}");
        Assert.Equal(seconds, written, 6);
    }
}
