using Kizuki.Demo;

namespace Kizuki.Tests.Demo;

public sealed class DemoTextsTests
{
    [Theory]
    [InlineData(DemoScenario.Saas, false)]
    [InlineData(DemoScenario.Saas, true)]
    [InlineData(DemoScenario.Ec, false)]
    [InlineData(DemoScenario.Ec, true)]
    public void Ticket_IntentTone_StatesAnIntentToCancel(DemoScenario scenario, bool english)
    {
        var rng = new DemoRandom(1, 1);
        for (var i = 0; i < 50; i++)
        {
            var (subject, body) = DemoTexts.Ticket(rng, scenario, english, new TicketTone(true, true, false, null), phone: false);
            Assert.False(string.IsNullOrWhiteSpace(subject));
            Assert.Contains(DemoTexts.IntentPhrases, p => body.Contains(p, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Ticket_NeutralTone_HasNoIntent()
    {
        var rng = new DemoRandom(2, 2);
        for (var i = 0; i < 200; i++)
        {
            var (_, body) = DemoTexts.Ticket(rng, DemoScenario.Saas, i % 2 == 0, new TicketTone(false, false, false, null), phone: i % 5 == 0);
            Assert.DoesNotContain(DemoTexts.IntentPhrases, p => body.Contains(p, StringComparison.Ordinal));
            Assert.DoesNotContain("{", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Ticket_Competitor_IsNamedInTheBody()
    {
        var rng = new DemoRandom(3, 3);
        var (_, body) = DemoTexts.Ticket(rng, DemoScenario.Saas, false, new TicketTone(true, false, true, "RivalCloud"), phone: false);
        Assert.Contains("RivalCloud", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{c}", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Ticket_ManyDraws_GiveManyDistinctBodies()
    {
        var rng = new DemoRandom(4, 4);
        var bodies = Enumerable.Range(0, 500)
            .Select(i => DemoTexts.Ticket(rng, DemoScenario.Saas, false, new TicketTone(i % 2 == 0, i % 3 == 0, i % 7 == 0, null), false).Body)
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(bodies.Count > 400, $"{bodies.Count} distinct of 500");
    }
}
