using AepFlow.Validation;

namespace AepFlow.Client.Tests;

public class ValidationCollectorTests
{
    [Fact]
    public void Paths_are_json_pointers_with_escaped_segments()
    {
        var collector = new ValidationCollector();
        collector.Enter("scheduleParams");
        collector.Add("interval", "minimum", "interval must be at least 15");
        collector.Exit();
        collector.Enter("transformations");
        collector.Enter(1);
        collector.Add("a/b~c", "type", "m");

        var result = collector.ToResult();

        Assert.False(result.IsValid);
        Assert.Equal("/scheduleParams/interval", result.Errors[0].Path);
        Assert.Equal("/transformations/1/a~1b~0c", result.Errors[1].Path);
    }

    [Fact]
    public void Nothing_reported_gives_the_shared_valid_result()
    {
        var collector = new ValidationCollector();
        collector.Enter("x");
        collector.Exit();
        Assert.Same(ValidationResult.Valid, collector.ToResult());
    }
}
