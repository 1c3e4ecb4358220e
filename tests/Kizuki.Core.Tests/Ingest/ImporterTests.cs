using System.Text;
using Kizuki.Domain;
using Kizuki.Ingest;
using Kizuki.Tests.TestDoubles;

namespace Kizuki.Tests.Ingest;

public sealed partial class ImporterTests : IDisposable
{
    private static readonly DateTimeOffset April1Tokyo = new(2025, 3, 31, 15, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("kizuki-ingest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, encoding ?? new UTF8Encoding(false));
        return path;
    }

    private static ImportResult Run(
        EntityKind kind,
        string path,
        out RecordingImportSession session,
        Func<ImportRequest, ImportRequest>? configure = null)
    {
        var request = new ImportRequest(kind, path);
        request = configure?.Invoke(request) ?? request;
        RecordingImportSession? begun = null;
        var result = Importer.Run(request, () => begun = new RecordingImportSession());
        session = begun ?? new RecordingImportSession();
        return result;
    }

    [Fact]
    public void Run_ShiftJisWithJapaneseHeaders_ReadsCustomers()
    {
        var path = Write("customers.csv", "顧客ID,氏名,登録日,業種,地域,メモ\r\nC001,山田太郎,2025/4/1,小売,東京都,常連\r\n",
            Encoding.GetEncoding(932));

        var result = Run(EntityKind.Customers, path, out var session);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("shift_jis", result.Encoding);
        var customer = Assert.Single(session.Customers);
        Assert.Equal("C001", customer.Id);
        Assert.Equal("山田太郎", customer.Name);
        Assert.Equal(April1Tokyo, customer.SignupAt);
        Assert.Equal("小売", customer.Segment.Industry);
        Assert.Equal("東京都", customer.Segment.Region);
        Assert.Equal("常連", customer.Attributes["メモ"]);
        Assert.True(session.Committed);
        Assert.True(session.Disposed);
    }

    [Fact]
    public void Run_Utf8WithBom_ReadsFirstHeader()
    {
        var path = Write("customers.csv", "customer_id,signup_at\nC1,2025-04-01\n", new UTF8Encoding(true));

        var result = Run(EntityKind.Customers, path, out var session);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("C1", Assert.Single(session.Customers).Id);
        Assert.Empty(session.Customers[0].Attributes);
    }

    [Fact]
    public void Run_ForcedEncoding_Honoured()
    {
        var path = Write("customers.csv", "顧客ID,登録日\nC1,2025-04-01\n", Encoding.GetEncoding(932));

        var result = Run(EntityKind.Customers, path, out _, r => r with { Encoding = ImportEncoding.Utf8 });

        Assert.True(result.FileFailed);
        Assert.Equal(ImportErrorCodes.EncodingError, result.Errors[0].Code);
    }

    [Fact]
    public void Run_MappingFile_MapsJapaneseHeaders()
    {
        var path = Write("orders.csv", "伝票番号,会員,受注日時,税込金額\nA1,C1,2025年4月1日 9時5分,\"¥12,800\"\n");
        var map = Write("map.json", "{\"order_id\": \"伝票番号\", \"customer_id\": \"会員\", \"ordered_at\": \"受注日時\", \"amount\": \"税込金額\"}");

        var result = Run(EntityKind.Orders, path, out var session, r => r with { MappingPath = map });

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var order = Assert.Single(session.Orders);
        Assert.Equal(("A1", "C1"), (order.Id, order.CustomerId));
        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 5, 0, TimeSpan.Zero), order.OrderedAt);
        Assert.Equal(Money.Yen(12800), order.Amount);
    }

    [Fact]
    public void Run_MappingNamesMissingColumn_FailsNamingIt()
    {
        var path = Write("orders.csv", "注文ID,顧客ID,購入日,金額\nA1,C1,2025/4/1,100\n");
        var map = Write("map.json", "{\"amount\": \"税込金額\"}");

        var result = Run(EntityKind.Orders, path, out var session, r => r with { MappingPath = map });

        Assert.True(result.FileFailed);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ImportErrorCodes.MappingColumnMissing, error.Code);
        Assert.Contains("税込金額", error.Message("ja"));
        Assert.Contains("税込金額", error.Message("en"));
        Assert.Empty(session.Orders);
    }

    [Fact]
    public void Run_MappingNamesUnknownField_Fails()
    {
        var path = Write("orders.csv", "注文ID,顧客ID,購入日,金額\nA1,C1,2025/4/1,100\n");
        var map = Write("map.json", "{\"price_total\": \"金額\"}");

        var result = Run(EntityKind.Orders, path, out _, r => r with { MappingPath = map });

        Assert.Equal(ImportErrorCodes.MappingUnknownField, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Run_RequiredColumnMissing_FailsBeforeAnyRow()
    {
        var path = Write("orders.csv", "order_id,amount\nA1,100\n");
        var begun = false;

        var result = Importer.Run(new ImportRequest(EntityKind.Orders, path), () =>
        {
            begun = true;
            return new RecordingImportSession();
        });

        Assert.False(begun);
        Assert.Equal(0, result.RowsRead);
        Assert.Equal(
            [ImportErrorCodes.RequiredColumnMissing, ImportErrorCodes.RequiredColumnMissing],
            result.Errors.Select(e => e.Code));
        Assert.Contains("customer_id (顧客ID)", result.Errors[0].Message("en"));
        Assert.Contains("ordered_at (購入日)", result.Errors[1].Message("ja"));
    }

    [Theory]
    [InlineData("missing.csv", ImportErrorCodes.FileMissing)]
    [InlineData("empty.csv", ImportErrorCodes.FileEmpty)]
    [InlineData("blank.csv", ImportErrorCodes.FileEmpty)]
    [InlineData("noheader.jsonl", ImportErrorCodes.NoHeader)]
    public void Run_UnreadableFile_FailsNamingFile(string name, string code)
    {
        Write("empty.csv", string.Empty);
        Write("blank.csv", "\r\n\r\n");
        Write("noheader.jsonl", "[1, 2]\n");

        var result = Run(EntityKind.Customers, Path.Combine(_dir, name), out _);

        Assert.True(result.FileFailed);
        Assert.False(result.Committed);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(name, error.Message("ja"), StringComparison.Ordinal);
        Assert.StartsWith(name, error.Message("en"), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Progress_ReportsRowsRead()
    {
        var path = Write("activities.csv", "customer_id,occurred_at,type\n" +
            string.Concat(Enumerable.Range(0, 25_000).Select(i => $"C{i % 7},2025-04-01T00:00:{i % 60:00}Z,login\n")));
        var reports = new List<long>();

        var result = Importer.Run(new ImportRequest(EntityKind.Activities, path), () => new RecordingImportSession(),
            new SynchronousProgress(reports.Add));

        Assert.Equal(25_000, result.RowsRead);
        Assert.Equal([10_000L, 20_000L, 25_000L], reports);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
