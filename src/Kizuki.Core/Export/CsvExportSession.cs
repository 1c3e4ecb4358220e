using System.Globalization;
using System.Text;
using Kizuki.Domain;
using Kizuki.Ingest;
using Kizuki.Storage;

namespace Kizuki.Export;

/// <summary>
/// Writes records as CSV files in exactly the import format (<c>docs/data-formats.md</c>), one file per entity,
/// so that what Kizuki writes, <c>kizuki import</c> reads back unchanged.
/// </summary>
/// <remarks>
/// Used by <c>kizuki demo --export</c> to give users example files of every kind and to feed import benchmarks.
/// Files are UTF-8 with a byte-order mark (Excel opens them as UTF-8); times are UTC in ISO 8601 with <c>Z</c>.
/// A file is created on the first record of its kind. Customers' custom attributes are not exported
/// (their columns vary per customer and a streaming writer fixes its header first).
/// </remarks>
internal sealed class CsvExportSession : IImportSession
{
    private readonly string _directory;
    private readonly Dictionary<EntityKind, StreamWriter> _writers = [];
    private readonly Dictionary<EntityKind, long> _written = [];

    /// <summary>Creates the directory when needed.</summary>
    public CsvExportSession(string directory)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
    }

    /// <summary>The file an entity kind is written to.</summary>
    public string PathOf(EntityKind kind) => Path.Combine(_directory, EntityKinds.Name(kind) + ".csv");

    public void Add(Customer customer)
    {
        var s = customer.Segment;
        Row(EntityKind.Customers, CsvExportColumns.Customers,
            customer.Id, customer.Name, Time(customer.SignupAt), s.Industry, s.Region, s.Plan, s.AcquisitionChannel, s.CompanySize);
    }

    public void Add(Order order)
    {
        Count(EntityKind.Orders, 1);
        if (order.Lines.Count == 0)
        {
            Row(EntityKind.Orders, CsvExportColumns.Orders, order.Id, order.CustomerId, Time(order.OrderedAt),
                Amount(order.Amount.Amount), order.Amount.Currency, Status(order.Status), order.IsRecurring ? "true" : "false",
                null, null, null, null);
            return;
        }

        // Several rows per order: the total goes on the first row only, as the import format reads it.
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            Row(EntityKind.Orders, CsvExportColumns.Orders, order.Id, order.CustomerId, Time(order.OrderedAt),
                i == 0 ? Amount(order.Amount.Amount) : null, order.Amount.Currency, Status(order.Status),
                order.IsRecurring ? "true" : "false", line.Product, line.Category, Amount(line.Quantity),
                line.UnitPrice is { } p ? Amount(p) : null);
        }

        Count(EntityKind.OrderLines, order.Lines.Count);
    }

    public void AddLine(string orderId, int lineNumber, OrderLine line) =>
        Row(EntityKind.OrderLines, CsvExportColumns.OrderLines, orderId, lineNumber.ToString(CultureInfo.InvariantCulture),
            line.Product, line.Category, Amount(line.Quantity), line.UnitPrice is { } p ? Amount(p) : null);

    public void Add(Subscription s) =>
        Row(EntityKind.Subscriptions, CsvExportColumns.Subscriptions, s.Id, s.CustomerId, s.Plan, Time(s.StartedAt),
            Time(s.RenewsAt), Time(s.EndedAt), Amount(s.RecurringAmount.Amount), s.RecurringAmount.Currency,
            s.BillingCycleMonths.ToString(CultureInfo.InvariantCulture), s.Seats.ToString(CultureInfo.InvariantCulture),
            s.CancellationReason, s.Competitor);

    public void Add(Activity a) =>
        Row(EntityKind.Activities, CsvExportColumns.Activities, a.Id, a.CustomerId, Time(a.OccurredAt), a.Type, a.Name,
            a.Quantity?.ToString("R", CultureInfo.InvariantCulture));

    public void Add(Ticket t) =>
        Row(EntityKind.Tickets, CsvExportColumns.Tickets, t.Id, t.CustomerId, Time(t.OpenedAt), Time(t.ClosedAt),
            t.Channel.ToString().ToLowerInvariant(), t.Subject, t.Body, t.Status.ToString().ToLowerInvariant(),
            t.Satisfaction?.ToString(CultureInfo.InvariantCulture));

    public void Add(SurveyResponse r) =>
        Row(EntityKind.Surveys, CsvExportColumns.Surveys, r.Id, r.CustomerId, Time(r.RespondedAt),
            r.Kind.ToString().ToLowerInvariant(), r.Score.ToString(CultureInfo.InvariantCulture), r.Comment);

    public void Add(Touch t) =>
        Row(EntityKind.Touches, CsvExportColumns.Touches, t.Id, t.CustomerId, Time(t.TouchedAt), t.Campaign, t.Channel,
            t.IsControl ? "true" : "false");

    public void Add(ChurnEvent c) =>
        Row(EntityKind.ChurnEvents, CsvExportColumns.ChurnEvents, c.Id, c.CustomerId, Time(c.OccurredAt), c.Reason, c.Competitor);

    /// <summary>Flushes and closes every file; the counts are what was written.</summary>
    public WriteCounts Commit()
    {
        foreach (var writer in _writers.Values)
        {
            writer.Flush();
        }

        var none = _written.ToDictionary(p => p.Key, _ => 0L);
        return new WriteCounts(new Dictionary<EntityKind, long>(_written), none, none);
    }

    public void Dispose()
    {
        foreach (var writer in _writers.Values)
        {
            writer.Dispose();
        }

        _writers.Clear();
    }

    private void Row(EntityKind kind, string[] header, params string?[] values)
    {
        if (!_writers.TryGetValue(kind, out var writer))
        {
            writer = new StreamWriter(PathOf(kind), append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
            CsvText.WriteRow(writer, header);
            _writers[kind] = writer;
        }

        CsvText.WriteRow(writer, values);
        if (kind != EntityKind.Orders)
        {
            Count(kind, 1);
        }
    }

    private void Count(EntityKind kind, long n) => _written[kind] = _written.GetValueOrDefault(kind) + n;

    private static string? Time(DateTimeOffset? instant) =>
        instant?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Amount(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    private static string Status(OrderStatus status) => status.ToString().ToLowerInvariant();
}
