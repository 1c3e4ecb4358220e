using Kizuki.Domain;
using Kizuki.Ingest;
using Kizuki.Storage;
using Microsoft.Data.Sqlite;

namespace Kizuki.Tests.Ingest;

/// <summary>The importer against the real embedded store: atomic and idempotent end to end.</summary>
public sealed class ImporterSqliteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kizuki-ingest-sqlite-").FullName;
    private readonly IStore _store;

    public ImporterSqliteTests() => _store = StoreFactory.Open(Path.Combine(_dir, "data"));

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Run_SameFilesTwice_SecondChangesNothing()
    {
        var customers = Write("customers.csv", "顧客ID,氏名,登録日,業種,メモ\nC1,山田,2025/4/1,小売,常連\nC2,佐藤,2025/4/2,,\n");
        var orders = Write("orders.csv", "注文ID,顧客ID,購入日,金額,商品,数量\nA1,C1,2025/4/3,\"¥3,000\",P1,2\nA1,C1,2025/4/3,,P2,1\nA2,C2,2025/4/4,500,,\n");
        var activities = Write("activities.csv", "customer_id,occurred_at,type,name\nC1,2025-04-05 09:00,login,\nC2,2025-04-05 10:00,page_view,/pricing\n");

        var first = new[] { (EntityKind.Customers, customers), (EntityKind.Orders, orders), (EntityKind.Activities, activities) }
            .Select(f => Importer.Run(new ImportRequest(f.Item1, f.Item2), _store.BeginImport)).ToList();
        var second = new[] { (EntityKind.Customers, customers), (EntityKind.Orders, orders), (EntityKind.Activities, activities) }
            .Select(f => Importer.Run(new ImportRequest(f.Item1, f.Item2), _store.BeginImport)).ToList();

        Assert.All(first, r => Assert.True(r.Succeeded, string.Join("\n", r.Errors)));
        Assert.Equal(
            [2L, 2L, 2L],
            [first[0].Writes!.Inserted[EntityKind.Customers], first[1].Writes!.Inserted[EntityKind.Orders], first[2].Writes!.Inserted[EntityKind.Activities]]);
        Assert.All(second, r => Assert.Equal((0L, 0L), (r.Writes!.TotalInserted, r.Writes.TotalUpdated)));
        Assert.Equal(2, _store.Customers().Count());
        Assert.Equal("常連", _store.Customers("C1").Single().Attributes["メモ"]);
        var order = _store.Orders("C1").Single();
        Assert.Equal((Money.Yen(3000), 2), (order.Amount, order.Lines.Count));
        Assert.Equal(2, _store.Activities().Count());
    }

    [Fact]
    public void Run_RejectedFile_LeavesStoreEmpty()
    {
        var path = Write("surveys.csv", "response_id,customer_id,responded_at,kind,score\nR1,C1,2025-04-01,nps,9\nR2,C1,2025-04-01,nps,12\n");

        var result = Importer.Run(new ImportRequest(EntityKind.Surveys, path), _store.BeginImport);

        Assert.False(result.Committed);
        Assert.Equal(1, result.RowsAccepted);
        Assert.Empty(_store.Surveys());
    }

    [Fact]
    public void Run_SkipInvalid_StoresOnlyValidRows()
    {
        var path = Write("surveys.csv", "response_id,customer_id,responded_at,kind,score\nR1,C1,2025-04-01,nps,9\nR2,C1,2025-04-01,nps,12\n");

        var result = Importer.Run(new ImportRequest(EntityKind.Surveys, path) { SkipInvalid = true }, _store.BeginImport);

        Assert.True(result.Committed);
        Assert.Equal("R1", _store.Surveys().Single().Id);
        Assert.True(File.Exists(result.RejectsPath));
    }
}
