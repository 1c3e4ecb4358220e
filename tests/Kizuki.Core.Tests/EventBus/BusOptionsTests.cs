using Kizuki.EventBus;
using Xunit;

namespace Kizuki.Tests.EventBus;

public sealed class BusOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var options = new BusOptions().Validate();

        Assert.Equal("kizuki:events:3", options.StreamKey(3));
        Assert.Equal("kizuki:events:3:lease", options.LeaseKey(3));
    }

    [Theory]
    [InlineData(0, 10_000, "Partitions")]
    [InlineData(2000, 10_000, "Partitions")]
    [InlineData(8, 100, "LeaseTtl")]
    public void Validate_OutOfRange_NamesTheOption(int partitions, int leaseMs, string option)
    {
        var options = new BusOptions { Partitions = partitions, LeaseTtl = TimeSpan.FromMilliseconds(leaseMs) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => options.Validate());

        Assert.Equal(option, error.ParamName);
        Assert.Contains(option + " must be from", error.Message, StringComparison.Ordinal);
    }
}
