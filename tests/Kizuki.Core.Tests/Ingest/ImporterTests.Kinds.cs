using Kizuki.Domain;
using Kizuki.Ingest;

namespace Kizuki.Tests.Ingest;

public sealed partial class ImporterTests
{
    [Fact]
    public void Run_ActivitiesWithoutId_GetStableDerivedIds()
    {
        var path = Write("activities.csv", "customer_id,occurred_at,type,name,quantity\nC1,2025-04-01 09:00,login,,\nC1,2025-04-01 09:05,Page_View,/pricing,30\n");

        Run(EntityKind.Activities, path, out var first);
        Run(EntityKind.Activities, path, out var second);

        Assert.Equal(first.Activities.Select(a => a.Id), second.Activities.Select(a => a.Id));
        Assert.Equal(2, first.Activities.Select(a => a.Id).Distinct().Count());
        Assert.Equal("page_view", first.Activities[1].Type);
        Assert.Equal(30d, first.Activities[1].Quantity);
    }

    [Fact]
    public void Run_ActivityWithId_KeepsIt()
    {
        var path = Write("activities.csv", "activity_id,customer_id,occurred_at,type\nE-1,C1,2025-04-01,feature_use\n");

        Run(EntityKind.Activities, path, out var session);

        Assert.Equal("E-1", Assert.Single(session.Activities).Id);
    }

    [Theory]
    [InlineData("ログイン", ImportErrorCodes.BadActivityType)]
    [InlineData("9lives", ImportErrorCodes.BadActivityType)]
    public void Run_InvalidActivityType_Rejected(string type, string code)
    {
        var path = Write("activities.csv", $"customer_id,occurred_at,type\nC1,2025-04-01,{type}\n");

        var result = Run(EntityKind.Activities, path, out _);

        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Run_NegativeQuantity_OutOfRange()
    {
        var path = Write("activities.csv", "customer_id,occurred_at,type,quantity\nC1,2025-04-01,login,-3\n");

        Assert.Equal(ImportErrorCodes.OutOfRange, Assert.Single(Run(EntityKind.Activities, path, out _).Errors).Code);
    }

    [Theory]
    [InlineData("\"¥1,980\"", "", 1980, "JPY")]
    [InlineData("1980円", "", 1980, "JPY")]
    [InlineData("１，９８０", "", 1980, "EUR")]
    [InlineData("19.99", "usd", 19.99, "USD")]
    public void Run_SubscriptionAmountForms_ReadWithCurrency(string amount, string currency, double expected, string code)
    {
        var path = Write("subscriptions.csv", "契約ID,顧客ID,プラン,開始日,金額,通貨,請求周期,席数\n" +
            $"S1,C1,Pro,2025年4月1日,{amount},{currency},12,5\n");

        var result = Run(EntityKind.Subscriptions, path, out var session, r => r with { DefaultCurrency = "EUR" });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var subscription = Assert.Single(session.Subscriptions);
        Assert.Equal(new Money((decimal)expected, code), subscription.RecurringAmount);
        Assert.Equal((12, 5), (subscription.BillingCycleMonths, subscription.Seats));
        Assert.Equal(April1Tokyo, subscription.StartedAt);
    }

    [Theory]
    [InlineData("0", "1")]
    [InlineData("1", "0")]
    public void Run_SeatsOrCycleBelowOne_OutOfRange(string seats, string cycle)
    {
        var path = Write("subscriptions.csv", "subscription_id,customer_id,plan,started_at,amount,seats,billing_cycle_months\n" +
            $"S1,C1,Pro,2025-04-01,1000,{seats},{cycle}\n");

        Assert.Equal(ImportErrorCodes.OutOfRange, Assert.Single(Run(EntityKind.Subscriptions, path, out _).Errors).Code);
    }

    [Fact]
    public void Run_TicketsInJapanese_ReadChannelStatusAndSatisfaction()
    {
        var path = Write("tickets.csv", "問い合わせID,顧客ID,受付日時,完了日時,窓口,件名,本文,ステータス,満足度\n" +
            "T1,C1,2025/4/1 10:00,2025/4/2 12:00,電話,解約したい,\"料金が高い、\n他社に移ります\",,4\n" +
            "T2,C1,2025/4/3 10:00,,チャット,質問,,保留,\n");

        var result = Run(EntityKind.Tickets, path, out var session);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((TicketChannel.Phone, TicketStatus.Closed, 4), (session.Tickets[0].Channel, session.Tickets[0].Status, session.Tickets[0].Satisfaction));
        Assert.Equal("料金が高い、\n他社に移ります", session.Tickets[0].Body);
        Assert.Equal((TicketChannel.Chat, TicketStatus.Pending, (int?)null), (session.Tickets[1].Channel, session.Tickets[1].Status, session.Tickets[1].Satisfaction));
    }

    [Fact]
    public void Run_TicketSatisfactionSix_OutOfRange()
    {
        var path = Write("tickets.csv", "ticket_id,customer_id,opened_at,channel,satisfaction\nT1,C1,2025-04-01,MAIL,6\n");

        var error = Assert.Single(Run(EntityKind.Tickets, path, out _).Errors);

        Assert.Equal(ImportErrorCodes.OutOfRange, error.Code);
        Assert.Contains("1–5", error.Message("en"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("はい", true)]
    [InlineData("いいえ", false)]
    [InlineData("1", true)]
    [InlineData("No", false)]
    [InlineData("", false)]
    public void Run_TouchControlFlag_ReadsYesNoWords(string flag, bool expected)
    {
        var path = Write("touches.tsv", $"touch_id\tcustomer_id\ttouched_at\tcampaign\tchannel\tis_control\nT1\tC1\t2025-04-01\t春の復帰\tmail\t{flag}\n");

        var result = Run(EntityKind.Touches, path, out var session);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(expected, Assert.Single(session.Touches).IsControl);
    }

    [Fact]
    public void Run_ChurnEventsAndSurveysInJapanese_Read()
    {
        var churn = Write("churn.csv", "解約ID,顧客ID,解約日,解約理由,乗換先\nX1,C1,2025年4月1日,価格,他社A\n");
        var surveys = Write("surveys.csv", "回答ID,顧客ID,回答日,種類,スコア,コメント\nR1,C1,2025/4/1,NPS,０,不満\nR2,C1,2025/4/1,顧客満足度,5,\n");

        var churnResult = Run(EntityKind.ChurnEvents, churn, out var churnSession);
        var surveyResult = Run(EntityKind.Surveys, surveys, out var surveySession);

        Assert.True(churnResult.Succeeded && surveyResult.Succeeded, string.Join("\n", churnResult.Errors.Concat(surveyResult.Errors)));
        Assert.Equal(new ChurnEvent("X1", "C1", April1Tokyo, "価格", "他社A"), Assert.Single(churnSession.ChurnEvents));
        Assert.Equal([(SurveyKind.Nps, 0), (SurveyKind.Csat, 5)], surveySession.Surveys.Select(s => (s.Kind, s.Score)));
    }

    [Fact]
    public void Run_JsonLinesActivities_ReadValuesOfEveryType()
    {
        var path = Write("activities.jsonl",
            "{\"customer_id\":\"C1\",\"occurred_at\":\"2025-04-01T00:00:00Z\",\"type\":\"login\"}\n" +
            "{\"customer_id\":\"C1\",\"occurred_at\":\"2025-04-01T00:01:00Z\",\"type\":\"feature_use\",\"name\":null,\"quantity\":12.5}\n" +
            "not json\n");

        var result = Run(EntityKind.Activities, path, out var session, r => r with { SkipInvalid = true });

        Assert.Equal(2, session.Activities.Count);
        Assert.Equal(12.5, session.Activities[1].Quantity);
        var error = Assert.Single(result.Errors);
        Assert.Equal((ImportErrorCodes.BadJson, 3L), (error.Code, error.Line));
        Assert.Contains("not json", File.ReadAllText(result.RejectsPath!), StringComparison.Ordinal);
    }
}
