using Kizuki.Domain;
using Kizuki.Ingest;

namespace Kizuki.Tests.Ingest;

public sealed partial class ImporterTests
{
    private const string OrderHeader = "注文ID,顧客ID,購入日,金額,ステータス,定期購入,商品,数量,単価\n";

    [Fact]
    public void Run_ConsecutiveOrderRows_BecomeOneOrderWithLines()
    {
        var path = Write("orders.csv", OrderHeader +
            "A1,C1,2025/4/1,\"¥3,000\",完了,定期,P1,2,1000\n" +
            "A1,C1,2025/4/1,,完了,定期,P2,1,1000\n" +
            "A2,C2,2025/4/2,500,キャンセル,いいえ,P3,1,500\n" +
            "A2,C2,2025/4/2,700,キャンセル,いいえ,P4,1,700\n");

        var result = Run(EntityKind.Orders, path, out var session);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal((4L, 4L, 2L), (result.RowsRead, result.RowsAccepted, result.RecordsAdded));
        var first = session.Orders[0];
        Assert.Equal(Money.Yen(3000), first.Amount);
        Assert.True(first.IsRecurring);
        Assert.Equal(OrderStatus.Completed, first.Status);
        Assert.Equal([new OrderLine("P1", null, 2, 1000), new OrderLine("P2", null, 1, 1000)], first.Lines);
        var second = session.Orders[1];
        Assert.Equal(Money.Yen(1200), second.Amount);
        Assert.Equal(OrderStatus.Cancelled, second.Status);
        Assert.False(second.IsRecurring);
    }

    [Fact]
    public void Run_OrderWithoutAmount_SumsLinePrices()
    {
        var path = Write("orders.csv", "order_id,customer_id,ordered_at,product,quantity,unit_price,currency\n" +
            "A1,C1,2025-04-01,P1,2,10.5,USD\nA1,C1,2025-04-01,P2,1,4,USD\n");

        var result = Run(EntityKind.Orders, path, out var session);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(new Money(25m, "USD"), Assert.Single(session.Orders).Amount);
    }

    [Fact]
    public void Run_OrderIdRepeatedLater_RejectedNamingFirstLine()
    {
        var path = Write("orders.csv", OrderHeader + "A1,C1,2025/4/1,100,,,,,\nA2,C1,2025/4/2,100,,,,,\nA1,C1,2025/4/3,100,,,,,\n");

        var result = Run(EntityKind.Orders, path, out _);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.OrderNotConsecutive, error.Code);
        Assert.Equal(4, error.Line);
        Assert.Contains("2 行目", error.Message("ja"), StringComparison.Ordinal);
        Assert.Contains("first on line 2", error.Message("en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadRowInOrder_RejectsWholeOrder()
    {
        var path = Write("orders.csv", OrderHeader +
            "A1,C1,2025/4/1,100,,,P1,1,\nA1,C1,2025/4/1,100,,,P2,-1,\nA2,C1,2025/4/2,100,,,,,\n");

        var result = Run(EntityKind.Orders, path, out var session, r => r with { SkipInvalid = true });

        Assert.Equal("A2", Assert.Single(session.Orders).Id);
        Assert.Equal(2, result.RowsRejected);
        Assert.Equal([ImportErrorCodes.OrderRowRejected, ImportErrorCodes.OutOfRange], result.Errors.Select(e => e.Code));
        Assert.Equal(2, result.Errors[0].Line);
        Assert.Equal("3", result.Errors[0].Detail);
    }

    [Fact]
    public void Run_OrderRowsWithDifferentCustomers_Conflict()
    {
        var path = Write("orders.csv", OrderHeader + "A1,C1,2025/4/1,100,,,,,\nA1,C2,2025/4/1,100,,,,,\n");

        var result = Run(EntityKind.Orders, path, out _);

        Assert.Contains(result.Errors, e => e.Code == ImportErrorCodes.OrderConflict && e.Line == 3 && e.Value == "C2");
    }

    [Fact]
    public void Run_OrdersWithoutAmountOrPriceColumn_FailsBeforeRows()
    {
        var path = Write("orders.csv", "order_id,customer_id,ordered_at\nA1,C1,2025-04-01\n");

        var result = Run(EntityKind.Orders, path, out _);

        Assert.Equal(ImportErrorCodes.RequiredColumnMissing, Assert.Single(result.Errors).Code);
        Assert.Contains("amount", result.Errors[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OrderLinesFile_NumbersLinesPerOrder()
    {
        var path = Write("order-lines.csv", "order_id,product,category,quantity,unit_price\nA1,P1,食品,2,100\nA2,P9,,1,\nA1,P2,,,50\n");

        var result = Run(EntityKind.OrderLines, path, out var session);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(
            [("A1", 1, new OrderLine("P1", "食品", 2, 100)), ("A2", 1, new OrderLine("P9", null, 1, null)), ("A1", 2, new OrderLine("P2", null, 1, 50))],
            session.Lines);
    }

    [Fact]
    public void Run_JsonLinesOrderWithLinesArray_ReadsLines()
    {
        var path = Write("orders.jsonl",
            "{\"order_id\":\"A1\",\"customer_id\":\"C1\",\"ordered_at\":\"2025-04-01T09:00:00+09:00\",\"amount\":2500," +
            "\"lines\":[{\"product\":\"P1\",\"quantity\":2,\"unit_price\":1000},{\"商品\":\"P2\",\"単価\":500}]}\n" +
            "\n{\"order_id\":\"A2\",\"customer_id\":\"C1\",\"ordered_at\":\"2025-04-02\",\"amount\":\"1,000円\",\"lines\":null,\"status\":\"returned\"}\n");

        var result = Run(EntityKind.Orders, path, out var session);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal([new OrderLine("P1", null, 2, 1000), new OrderLine("P2", null, 1, 500)], session.Orders[0].Lines);
        Assert.Equal(April1Tokyo.AddHours(9), session.Orders[0].OrderedAt);
        Assert.Equal((Money.Yen(1000), OrderStatus.Returned), (session.Orders[1].Amount, session.Orders[1].Status));
        Assert.Empty(session.Orders[1].Lines);
    }

    [Fact]
    public void Run_JsonLinesBadLinesArray_Rejected()
    {
        var path = Write("orders.ndjson", "{\"order_id\":\"A1\",\"customer_id\":\"C1\",\"ordered_at\":\"2025-04-01\",\"amount\":1,\"lines\":[{\"quantity\":1}]}\n");

        var result = Run(EntityKind.Orders, path, out _);

        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.BadLines, error.Code);
        Assert.Equal("lines", error.ColumnName);
    }
}
