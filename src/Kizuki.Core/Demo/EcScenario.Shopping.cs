using Kizuki.Domain;

namespace Kizuki.Demo;

/// <summary>Daily behaviour of a shop customer: email opens and clicks, visits, orders, 定期 deliveries, inquiries, CSAT.</summary>
internal sealed partial class EcScenario
{
    private static readonly TicketChannel[] TicketChannels = [TicketChannel.Mail, TicketChannel.Form, TicketChannel.Phone, TicketChannel.Chat];
    private static readonly double[] TicketChannelWeights = [35, 30, 25, 10];

    private void GenerateShopping(DemoRandom rng, CustomerRecords r, Profile p)
    {
        var story = r.Story;
        var m = story.Mechanism;
        var end = story.EndDay(world.Days);
        var csatDay = -1;
        if (story.SignupDay >= 0)
        {
            AddOrder(rng, r, p, story.SignupAt, p.Teiki, OrderStatus.Completed);
        }

        for (var d = story.FirstEventDay; d < end; d++)
        {
            var x = story.Signal(d);
            var season = ShoppingSeason[world.CalendarMonth(d)];
            var campaign = catalog.Campaigns[d];
            if (campaign is not null && rng.Chance(0.22 * p.Engagement * (m == ChurnMechanism.PurchaseDecline ? 1 - (0.6 * x) : 1 - (0.2 * x))))
            {
                var hour = rng.Uniform(12, 23.5);
                r.AddActivity(world.At(d, hour), ActivityTypes.EmailOpen, campaign, null);
                if (rng.Chance(0.25))
                {
                    r.AddActivity(world.At(d, hour + 0.01), ActivityTypes.EmailClick, campaign, null);
                    r.AddActivity(world.At(d, hour + 0.02), ActivityTypes.PageView, "/campaign/" + CampaignSlug(d), null);
                }
            }

            if (rng.Chance(0.07 * p.Engagement * season * VisitFactor(m, x)))
            {
                Visit(rng, r, p, d);
            }

            var couponBoost = story.TouchDay >= 0 && !story.TouchIsControl && d >= story.TouchDay && d < story.TouchDay + 14 ? 4.0 : 1.0;
            var orderRate = (p.Teiki ? 0.12 : 0.5) * p.Engagement * season * OrderFactor(m, x) * couponBoost;
            if (rng.Chance(orderRate / 30.4))
            {
                var at = world.At(d, rng.Uniform(7, 23.9));
                var status = rng.Chance(0.03) ? OrderStatus.Cancelled : rng.Chance(0.02 + (0.1 * x)) ? OrderStatus.Returned : OrderStatus.Completed;
                AddOrder(rng, r, p, at, false, status);
                csatDay = status == OrderStatus.Completed && rng.Chance(0.15) ? d + 7 : csatDay;
            }

            if (p.Teiki && (d - story.SignupDay) % 30 == 0)
            {
                var skip = 0.03 + (x * m switch
                {
                    ChurnMechanism.PurchaseDecline => 0.9,
                    ChurnMechanism.CancellationResearch or ChurnMechanism.PriceSensitivity => 0.3,
                    _ => 0.15,
                });
                var status = rng.Chance(skip) ? OrderStatus.Cancelled
                    : rng.Chance(0.01 + (m is ChurnMechanism.SatisfactionDrop or ChurnMechanism.SupportFriction ? 0.1 * x : 0)) ? OrderStatus.Returned
                    : OrderStatus.Completed;
                AddOrder(rng, r, p, world.At(d, rng.Uniform(6, 9)), true, status);
                csatDay = status == OrderStatus.Completed && rng.Chance(0.12) ? d + 7 : csatDay;
            }

            var researchP = 0.003 + (x * m switch
            {
                ChurnMechanism.CancellationResearch => 0.18,
                ChurnMechanism.PriceSensitivity => 0.1,
                _ => 0.015,
            });
            if (rng.Chance(researchP))
            {
                r.AddActivity(world.At(d, rng.Uniform(19, 23.9)), ActivityTypes.PageView, ResearchPage(rng, m, p), null);
            }

            if (rng.Chance(TicketRate(m, x) / 30.4))
            {
                AddTicket(rng, r, p, d, x);
                csatDay = rng.Chance(0.3) ? d + 2 : csatDay;
            }

            if (d == csatDay)
            {
                AddCsat(rng, r, p, d, x);
            }
        }
    }

    private static double VisitFactor(ChurnMechanism m, double x) => m switch
    {
        ChurnMechanism.PurchaseDecline => 1 - (0.6 * x),
        ChurnMechanism.SupportFriction or ChurnMechanism.SatisfactionDrop => 1 - (0.25 * x),
        ChurnMechanism.CancellationResearch or ChurnMechanism.PriceSensitivity => 1 - (0.2 * x),
        _ => 1.0,
    };

    private static double OrderFactor(ChurnMechanism m, double x) => m switch
    {
        ChurnMechanism.PurchaseDecline => Math.Max(0, 1 - (1.3 * x)),
        ChurnMechanism.PriceSensitivity => 1 - (0.5 * x),
        ChurnMechanism.SatisfactionDrop or ChurnMechanism.CancellationResearch => 1 - (0.4 * x),
        ChurnMechanism.SupportFriction => 1 - (0.3 * x),
        _ => 1.0,
    };

    private static double TicketRate(ChurnMechanism m, double x) => 0.08 + (x * m switch
    {
        ChurnMechanism.SupportFriction => 2.2,
        ChurnMechanism.SatisfactionDrop or ChurnMechanism.CancellationResearch or ChurnMechanism.PriceSensitivity => 0.4,
        _ => 0.15,
    });

    private string CampaignSlug(int day) =>
        world.LocalDate(day).ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);

    private static string ResearchPage(DemoRandom rng, ChurnMechanism m, Profile p)
    {
        var roll = rng.Next(100);
        if (m == ChurnMechanism.PriceSensitivity)
        {
            return roll < 50 ? "/sale" : roll < 85 ? "/coupon" : "/faq/price";
        }

        if (p.Teiki)
        {
            return roll < 45 ? "/mypage/teiki/cancel" : roll < 70 ? "/faq/teiki-kaiyaku" : roll < 85 ? "/mypage/teiki/skip" : "/mypage/withdraw";
        }

        return roll < 50 ? "/mypage/withdraw" : roll < 80 ? "/faq/withdraw" : "/mypage/mail-settings";
    }

    private void Visit(DemoRandom rng, CustomerRecords r, Profile p, int day)
    {
        var hour = rng.Uniform(7, 23.5);
        r.AddActivity(world.At(day, hour), ActivityTypes.PageView, "/", null);
        for (var n = rng.Poisson(1.3); n > 0; n--)
        {
            hour += rng.Uniform(0.005, 0.05);
            var category = rng.Chance(0.7) ? rng.Pick(p.Favourites) : rng.Next(EcCatalog.Categories.Length);
            var path = rng.Next(3) switch
            {
                0 => "/category/" + EcCatalog.CategorySlugs[category],
                1 => "/products/" + ProductIn(rng, category).Code,
                _ => rng.Chance(0.5) ? "/mypage" : "/cart",
            };
            r.AddActivity(world.At(day, hour), ActivityTypes.PageView, path, null);
        }
    }

    private static EcProduct ProductIn(DemoRandom rng, int category)
    {
        var name = EcCatalog.Categories[category];
        for (var tries = 0; tries < 8; tries++)
        {
            var product = rng.Pick(EcCatalog.Products);
            if (product.Category == name)
            {
                return product;
            }
        }

        return rng.Pick(EcCatalog.Products);
    }

    private void AddOrder(DemoRandom rng, CustomerRecords r, Profile p, DateTimeOffset at, bool recurring, OrderStatus status)
    {
        var count = recurring ? 1 + rng.Poisson(0.15) : 1 + rng.Poisson(0.6);
        var lines = new OrderLine[count];
        var total = 0m;
        for (var i = 0; i < count; i++)
        {
            var product = recurring && i == 0 ? EcCatalog.Products[p.TeikiProduct]
                : world.CalendarMonth(world.DayOf(at.ToOffset(world.Start.Offset))) == 12 && rng.Chance(0.25) ? EcCatalog.Products[EcCatalog.GiftProduct]
                : ProductIn(rng, rng.Chance(0.75) ? rng.Pick(p.Favourites) : rng.Next(EcCatalog.Categories.Length));
            var unitPrice = recurring && i == 0 ? decimal.Round(product.Price * 0.9m) : product.Price;
            var quantity = rng.Chance(0.8) ? 1m : 2m;
            lines[i] = new OrderLine(product.Name, product.Category, quantity, unitPrice);
            total += unitPrice * quantity;
        }

        var shipping = total >= 5000m || recurring ? 0m : 550m;
        r.Orders.Add(new Order(r.NextOrderId(), r.Id, at, Money.Yen(total + shipping), status, recurring, lines));
    }

    private void AddTicket(DemoRandom rng, CustomerRecords r, Profile p, int day, double x)
    {
        var m = r.Story.Mechanism;
        var negative = 0.12 + (x * (m == ChurnMechanism.SupportFriction ? 0.75 : m == ChurnMechanism.SatisfactionDrop ? 0.5 : 0.2));
        var intent = 0.01 + (x * (m == ChurnMechanism.CancellationResearch ? 0.7 : m == ChurnMechanism.SupportFriction ? 0.6 : 0.3));
        var price = 0.03 + (x * (m == ChurnMechanism.PriceSensitivity ? 0.7 : 0));
        var competitor = 0.01 + (x * (m == ChurnMechanism.PriceSensitivity ? 0.7 : 0));
        var tone = new TicketTone(
            rng.Chance(negative), rng.Chance(intent), rng.Chance(price),
            rng.Chance(competitor) ? DemoTexts.EcCompetitors[p.Competitor] : null);
        var channel = TicketChannels[rng.PickWeighted(TicketChannelWeights)];
        var english = p.English ? rng.Chance(0.9) : rng.Chance(0.02);
        var (subject, body) = DemoTexts.Ticket(rng, DemoScenario.Ec, english, tone, channel == TicketChannel.Phone);
        r.Tickets.Add(TicketTimes.Make(world, rng, r, day, channel, subject, body, tone.Negative || tone.Intent));
    }

    private void AddCsat(DemoRandom rng, CustomerRecords r, Profile p, int day, double x)
    {
        var drop = x * r.Story.Mechanism switch
        {
            ChurnMechanism.SatisfactionDrop => 3.4,
            ChurnMechanism.SupportFriction => 1.6,
            ChurnMechanism.CancellationResearch => 1.0,
            _ => 0.8,
        };
        var mean = 4.2 + (0.3 * Math.Log(p.Engagement)) - drop;
        var score = (int)Math.Clamp(Math.Round(mean + (0.8 * rng.Normal())), 1, 5);
        var comment = DemoTexts.SurveyComment(rng, p.English, score >= 5, score <= 2);
        r.Surveys.Add(new SurveyResponse(r.NextSurveyId(), r.Id, world.At(day, rng.Uniform(9, 22)), SurveyKind.Csat, score, comment));
    }
}
