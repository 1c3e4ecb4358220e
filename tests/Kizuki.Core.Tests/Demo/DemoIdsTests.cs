using Kizuki.Demo;

namespace Kizuki.Tests.Demo;

public sealed class DemoIdsTests
{
    [Theory]
    [InlineData(1, "C0000001")]
    [InlineData(123, "C0000123")]
    [InlineData(1_000_000, "C1000000")]
    public void Customer_Number_IsCompactAndPadded(int number, string expected) => Assert.Equal(expected, DemoIds.Customer(number));

    [Fact]
    public void Record_Sequence_IsPrefixedPaddedAndKeepsCustomerDigits() =>
        Assert.Equal("A0000123-00042", DemoIds.Record('A', "C0000123", 42, 5));

    [Fact]
    public void Record_SequenceWiderThanPadding_Grows() =>
        Assert.Equal("T0000001-12345", DemoIds.Record('T', "C0000001", 12345, 3));
}
