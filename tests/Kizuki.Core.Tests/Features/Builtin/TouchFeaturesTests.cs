using Kizuki.Domain;
using Kizuki.Features;
using Kizuki.Features.Builtin;
using Kizuki.Features.History;

namespace Kizuki.Tests.Features.Builtin;

public sealed class TouchFeaturesTests
{
    private static readonly long T = Millis.Of(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));

    private static double Value(CustomerHistory history, string name, long? asOf = null)
    {
        var group = new TouchFeatures();
        var numbers = new double[group.Definitions.Count];
        Array.Fill(numbers, -12345);
        group.Evaluate(history, asOf ?? T, new FeatureRow(numbers, new string?[numbers.Length], 0));
        return numbers[TouchFeatures.All.Select((d, i) => (d, i)).Single(p => p.d.Name == name).i];
    }

    private static TouchEvent Touch(double daysAgo, bool control = false) => new(T - (long)Math.Round(daysAgo * Millis.Day), control);

    private static CustomerHistory With(params TouchEvent[] touches)
    {
        var history = new CustomerHistory("K1");
        foreach (var touch in touches)
        {
            history.Touches.Add(touch);
        }

        return history;
    }

    [Fact]
    public void Evaluate_ThreeTouches_RecencyWindowCountsAndControlFlag()
    {
        var history = With(Touch(120), Touch(60), Touch(12.5, control: true));
        Assert.Equal(12.5, Value(history, "days_since_last_touch"), 9);
        Assert.Equal(1, Value(history, "touches_30d"));
        Assert.Equal(2, Value(history, "touches_90d"));
        Assert.Equal(1, Value(history, "last_touch_was_control"));
    }

    [Fact]
    public void Evaluate_TouchAtTheAsOfInstant_IsNotSeen()
    {
        var history = With(Touch(40), Touch(0, control: true));
        Assert.Equal(40, Value(history, "days_since_last_touch"), 9);
        Assert.Equal(0, Value(history, "touches_30d"));
        Assert.Equal(0, Value(history, "last_touch_was_control"));
    }

    [Fact]
    public void Evaluate_NoTouchWithinTheHorizon_EmptyRecencyAndZeroCounts()
    {
        var history = With(Touch(ActivityFeatures.HorizonDays + 1));
        Assert.True(double.IsNaN(Value(history, "days_since_last_touch")));
        Assert.Equal(0, Value(history, "touches_90d"));
        Assert.True(double.IsNaN(Value(history, "last_touch_was_control")));
    }

    [Fact]
    public void Catalog_Builtin_HoldsTheTouchFeatures()
    {
        var catalog = new FeatureContext(new FeatureSettings()).Catalog;
        Assert.All(TouchFeatures.All, d => Assert.True(catalog.IndexOf(d.Name) >= 0, d.Name));
    }
}
