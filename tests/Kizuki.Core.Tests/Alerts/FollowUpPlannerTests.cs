using Kizuki.Alerts;
using Kizuki.Domain;

namespace Kizuki.Tests.Alerts;

public sealed class FollowUpPlannerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Customer Yamada = new("c1", "山田商店", At.AddYears(-1), CustomerSegment.Unknown, Customer.NoAttributes);

    [Fact]
    public void Plan_LoginReasonInJapanese_FillsNameAndRecordsTouch()
    {
        var touches = new InMemoryTouchRecorder();
        var planner = new FollowUpPlanner(null, "ja", "気づき商会", touches);

        var followUp = planner.Plan(new Alert("r", "c1", AlertSeverity.High, At, 0.6, "logins", FollowUp: true, IsControl: false), Yamada, 12);

        Assert.NotNull(followUp);
        Assert.StartsWith("山田商店様、最近のご利用が少し減っているようですが", followUp.Body, StringComparison.Ordinal);
        Assert.EndsWith("気づき商会", followUp.Body, StringComparison.Ordinal);
        var touch = Assert.Single(touches.Touches);
        Assert.Equal(("c1", "kizuki:r", "email", false), (touch.CustomerId, touch.Campaign, touch.Channel, touch.IsControl));
    }

    [Fact]
    public void Plan_ControlCustomer_RecordsHoldoutTouchAndSendsNothing()
    {
        var touches = new InMemoryTouchRecorder();
        var planner = new FollowUpPlanner(null, "en", "", touches);

        var followUp = planner.Plan(new Alert("r", "c1", AlertSeverity.High, At, 0.6, null, FollowUp: true, IsControl: true), Yamada, 3);

        Assert.NotNull(followUp);
        Assert.Null(followUp.Body);
        Assert.True(Assert.Single(touches.Touches).IsControl);
    }

    [Fact]
    public void Plan_RuleWithoutFollowUp_DoesNothing()
    {
        var touches = new InMemoryTouchRecorder();
        var planner = new FollowUpPlanner(null, "ja", "", touches);

        Assert.Null(planner.Plan(new Alert("r", "c1", AlertSeverity.Low, At, 0.1, null, FollowUp: false, IsControl: false), Yamada, 3));
        Assert.Empty(touches.Touches);
    }

    [Fact]
    public void Plan_CustomTemplateInEnglish_UsesOverrideAndDays()
    {
        var custom = new Dictionary<string, FollowUpTemplate>
        {
            ["support"] = new(new Dictionary<string, string> { ["ja"] = "件名", ["en"] = "Hi" },
                new Dictionary<string, string> { ["ja"] = "{name}様", ["en"] = "Dear {name}, {days} days." }),
        };
        FollowUpTemplates.Validate(custom);
        var planner = new FollowUpPlanner(custom, "en", "", new InMemoryTouchRecorder());

        var followUp = planner.Plan(new Alert("r", "c1", AlertSeverity.Low, At, 0.1, "support", true, false), Yamada, 4.4);

        Assert.Equal("Dear 山田商店, 4 days.", followUp!.Body);
        Assert.Equal("Hi", followUp.Subject);
    }

    [Fact]
    public void Validate_UnknownPlaceholder_NamesTemplateAndVariable()
    {
        var bad = new Dictionary<string, FollowUpTemplate>
        {
            ["support"] = new(new Dictionary<string, string> { ["ja"] = "件名", ["en"] = "Hi" },
                new Dictionary<string, string> { ["ja"] = "{nmae}様", ["en"] = "Dear" }),
        };

        var e = Assert.Throws<InvalidDataException>(() => FollowUpTemplates.Validate(bad));

        Assert.Contains("alerts.followUps.support.body.ja uses {nmae}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FollowUpInsideCooldown_IsNeverPlannedTwice()
    {
        var catalog = new Kizuki.Features.FeatureContext(new Kizuki.Features.FeatureSettings()).Catalog;
        var rules = RuleCompiler.Compile("rule \"r\" when logins_30d < 1 then severity low cooldown 7d follow_up", "r", catalog);
        var engine = new AlertEngine(rules, new InMemoryAlertStateStore());
        var touches = new InMemoryTouchRecorder();
        var planner = new FollowUpPlanner(null, "ja", "", touches);
        var numbers = Enumerable.Repeat(double.NaN, catalog.Count).ToArray();
        numbers[catalog.IndexOf("logins_30d")] = 0;
        var facts = new RuleFacts("c1", numbers, new string?[catalog.Count]);

        for (var day = 0; day < 10; day++)
        {
            foreach (var alert in engine.Evaluate(facts, At.AddDays(day)))
            {
                planner.Plan(alert, Yamada, 3);
            }
        }

        Assert.Equal([At, At.AddDays(7)], touches.Touches.Select(t => t.TouchedAt).Order());
    }
}
