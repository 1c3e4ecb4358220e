using Kizuki.Domain;

namespace Kizuki.Demo;

/// <summary>Daily behaviour of a SaaS customer: logins, feature use, page views, tickets and NPS answers.</summary>
internal sealed partial class SaasScenario
{
    private static readonly string[] KeyFeatures = ["workflow_automation", "report_export"];
    private static readonly string[] OtherFeatures = ["dashboard", "invoice_issue", "team_chat", "api_access", "mobile_app", "approval_request"];
    private static readonly string[] EverydayPages =
        ["/dashboard", "/reports", "/settings", "/notifications", "/help/getting-started", "/help/export", "/help/integrations", "/help/permissions"];

    private static readonly TicketChannel[] TicketChannels = [TicketChannel.Mail, TicketChannel.Form, TicketChannel.Chat, TicketChannel.Phone];
    private static readonly double[] TicketChannelWeights = [45, 25, 20, 10];

    /// <summary>The key features whose abandonment signals churn.</summary>
    public static IReadOnlyList<string> KeyFeatureNames => KeyFeatures;

    private void GenerateUsage(DemoRandom rng, CustomerRecords r, Profile p)
    {
        var story = r.Story;
        var m = story.Mechanism;
        var end = story.EndDay(world.Days);
        var activity = SizeActivity[p.Size] * p.Engagement;
        for (var d = story.FirstEventDay; d < end; d++)
        {
            var x = story.Signal(d);
            var season = world.IsYearEndHoliday(d) ? 0.15 : UsageSeason[world.CalendarMonth(d)];
            var onboarding = story.SignupDay >= 0 && d - story.SignupDay < 30 ? 1.6 : 1.0;
            var loginP = (world.IsWeekend(d) ? 0.02 : 0.115) * activity * season * onboarding * LoginFactor(m, x);
            var hour = rng.Uniform(8.5, 18);
            if (rng.Chance(Math.Min(0.95, loginP)))
            {
                var users = 1 + rng.Poisson(p.Seats * 0.08 * p.Engagement * (m == ChurnMechanism.LoginDecline ? 1 - x : 1));
                r.AddActivity(world.At(d, hour), ActivityTypes.Login, null, Math.Min(users, p.Seats));
                for (var k = 0; k < KeyFeatures.Length; k++)
                {
                    var keepUsing = m == ChurnMechanism.FeatureAbandonment ? Math.Max(0, 1 - (1.4 * x)) : 1.0;
                    if (rng.Chance(p.KeyAdoption[k] * keepUsing))
                    {
                        hour += rng.Uniform(0.02, 0.4);
                        r.AddActivity(world.At(d, hour), ActivityTypes.FeatureUse, KeyFeatures[k], 1 + rng.Poisson(3));
                    }
                }

                for (var n = rng.Poisson(0.45); n > 0; n--)
                {
                    hour += rng.Uniform(0.02, 0.4);
                    r.AddActivity(world.At(d, hour), ActivityTypes.FeatureUse, rng.Pick(OtherFeatures), 1 + rng.Poisson(2));
                }

                for (var n = rng.Poisson(0.35); n > 0; n--)
                {
                    hour += rng.Uniform(0.01, 0.2);
                    r.AddActivity(world.At(d, hour), ActivityTypes.PageView, rng.Pick(EverydayPages), null);
                }
            }

            var researchP = 0.004 + (x * m switch
            {
                ChurnMechanism.CancellationResearch => 0.2,
                ChurnMechanism.PriceSensitivity => 0.12,
                ChurnMechanism.RenewalApproach => 0.1,
                _ => 0.015,
            });
            if (rng.Chance(researchP))
            {
                hour += rng.Uniform(0.05, 1);
                r.AddActivity(world.At(d, hour), ActivityTypes.PageView, ResearchPage(rng, m, p), null);
            }

            if (rng.Chance(TicketRate(m, x) / 30.4))
            {
                AddTicket(rng, r, p, d, x);
            }

            if (world.DayOfMonth(d) == p.NpsDay && rng.Chance(0.4))
            {
                AddNps(rng, r, p, d, x);
            }
        }
    }

    private static double LoginFactor(ChurnMechanism m, double x) => m switch
    {
        ChurnMechanism.LoginDecline => Math.Max(0, 1 - (1.4 * x)),
        ChurnMechanism.FeatureAbandonment => 1 - (0.2 * x),
        ChurnMechanism.RenewalApproach => 1 - (0.35 * x),
        ChurnMechanism.CancellationResearch => 1 - (0.3 * x),
        ChurnMechanism.SupportFriction or ChurnMechanism.SatisfactionDrop => 1 - (0.25 * x),
        ChurnMechanism.PriceSensitivity => 1 - (0.2 * x),
        _ => 1.0,
    };

    private static double TicketRate(ChurnMechanism m, double x) => 0.12 + (x * m switch
    {
        ChurnMechanism.SupportFriction => 2.4,
        ChurnMechanism.PriceSensitivity => 0.5,
        ChurnMechanism.RenewalApproach => 0.4,
        ChurnMechanism.SatisfactionDrop or ChurnMechanism.CancellationResearch => 0.35,
        ChurnMechanism.FeatureAbandonment => 0.2,
        _ => 0.1,
    });

    private static string ResearchPage(DemoRandom rng, ChurnMechanism m, Profile p)
    {
        var compare = "/compare/" + DemoTexts.SaasCompetitors[p.Competitor].Slug;
        var roll = rng.Next(100);
        return m switch
        {
            ChurnMechanism.CancellationResearch => roll < 40 ? "/account/cancel" : roll < 65 ? "/pricing" : roll < 80 ? "/help/cancellation" : compare,
            ChurnMechanism.PriceSensitivity => roll < 45 ? compare : roll < 85 ? "/pricing" : "/plans/downgrade",
            ChurnMechanism.RenewalApproach => roll < 50 ? "/pricing" : roll < 80 ? "/account/billing" : "/help/contract-renewal",
            _ => roll < 65 ? "/pricing" : roll < 80 ? "/help/billing" : roll < 92 ? compare : "/account/cancel",
        };
    }

    private void AddTicket(DemoRandom rng, CustomerRecords r, Profile p, int day, double x)
    {
        var m = r.Story.Mechanism;
        var negative = 0.1 + (x * m switch
        {
            ChurnMechanism.SupportFriction => 0.75,
            ChurnMechanism.SatisfactionDrop => 0.5,
            _ => 0.25,
        });
        var intent = 0.01 + (x * m switch
        {
            ChurnMechanism.CancellationResearch => 0.7,
            ChurnMechanism.RenewalApproach => 0.55,
            ChurnMechanism.PriceSensitivity => 0.5,
            ChurnMechanism.SupportFriction => 0.6,
            _ => 0.3,
        });
        var price = 0.03 + (x * m switch
        {
            ChurnMechanism.PriceSensitivity => 0.7,
            ChurnMechanism.RenewalApproach => 0.3,
            ChurnMechanism.CancellationResearch => 0.2,
            _ => 0,
        });
        var competitor = 0.01 + (x * m switch
        {
            ChurnMechanism.PriceSensitivity => 0.75,
            ChurnMechanism.CancellationResearch => 0.25,
            ChurnMechanism.RenewalApproach => 0.2,
            _ => 0,
        });
        var tone = new TicketTone(
            rng.Chance(negative), rng.Chance(intent), rng.Chance(price),
            rng.Chance(competitor) ? DemoTexts.SaasCompetitors[p.Competitor].Name : null);
        var channel = TicketChannels[rng.PickWeighted(TicketChannelWeights)];
        var english = p.English ? rng.Chance(0.9) : rng.Chance(0.03);
        var (subject, body) = DemoTexts.Ticket(rng, DemoScenario.Saas, english, tone, channel == TicketChannel.Phone);
        r.Tickets.Add(TicketTimes.Make(world, rng, r, day, channel, subject, body, tone.Negative || tone.Intent));
    }

    private void AddNps(DemoRandom rng, CustomerRecords r, Profile p, int day, double x)
    {
        var drop = x * r.Story.Mechanism switch
        {
            ChurnMechanism.SatisfactionDrop => 7.0,
            ChurnMechanism.SupportFriction => 2.5,
            ChurnMechanism.CancellationResearch => 2.0,
            _ => 1.5,
        };
        var mean = 7.6 + (0.8 * Math.Log(p.Engagement)) - drop;
        var score = (int)Math.Clamp(Math.Round(mean + (1.5 * rng.Normal())), 0, 10);
        var comment = DemoTexts.SurveyComment(rng, p.English, score >= 9, score <= 6);
        r.Surveys.Add(new SurveyResponse(r.NextSurveyId(), r.Id, world.At(day, rng.Uniform(9, 20)), SurveyKind.Nps, score, comment));
    }
}
