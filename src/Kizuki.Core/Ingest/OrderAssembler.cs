using Kizuki.Domain;

namespace Kizuki.Ingest;

/// <summary>Builds orders from rows: consecutive rows with the same order id are the lines of one order.</summary>
/// <remarks>
/// The order's amount is the sum of the amounts its rows give (so an amount given on one row only is the order
/// amount); when no row gives one, it is the sum of quantity × unit price over the lines. Customer, time, status
/// and the recurring flag come from the first row. An order is accepted or rejected whole: when one of its rows
/// is invalid, its other rows are rejected too, each naming the bad line. An order id that reappears after rows of
/// other orders is rejected, naming the line where it first appeared.
/// </remarks>
internal sealed class OrderAssembler
{
    private readonly ImportRun _run;
    private readonly IReadOnlyList<string> _columns;
    private int _linesColumn = -1;
    private int _columnsSeen;
    private readonly Dictionary<string, long> _firstLine = new(StringComparer.Ordinal);
    private readonly List<Row> _group = [];
    private string? _groupId;

    public OrderAssembler(ImportRun run, IReadOnlyList<string> columns)
    {
        _run = run;
        _columns = columns;
    }

    /// <summary>Adds a readable row.</summary>
    public void Add(RowReader row, in RawRecord raw)
    {
        var id = row.Id(OrderFields.Id);
        if (id is null)
        {
            _run.Reject(raw, [.. row.Errors]);
            return;
        }

        if (id != _groupId)
        {
            Flush();
            if (_firstLine.TryGetValue(id, out var first))
            {
                row.Fail(OrderFields.Id, ImportErrorCodes.OrderNotConsecutive, id, first.ToString(System.Globalization.CultureInfo.InvariantCulture));
                _run.Reject(raw, [.. row.Errors]);
                return;
            }

            _firstLine[id] = raw.Line;
            _groupId = id;
        }

        var customer = row.Id(OrderFields.CustomerId);
        var orderedAt = row.Date(OrderFields.OrderedAt, required: true);
        var amount = row.Amount(OrderFields.Amount, OrderFields.Currency, required: false);
        var currency = amount?.Currency ?? row.Currency(OrderFields.Currency);
        var status = row.Choice(OrderFields.Status, Vocabularies.OrderStatus, required: false) ?? OrderStatus.Completed;
        var recurring = row.Boolean(OrderFields.IsRecurring, fallback: false);
        var lines = new List<OrderLine>();
        if (OrderLineReader.FromColumns(row, OrderFields.Product, OrderFields.Category, OrderFields.Quantity, OrderFields.UnitPrice) is { } line)
        {
            lines.Add(line);
        }

        if (_linesColumn < 0 && _columns.Count != _columnsSeen)
        {
            _columnsSeen = _columns.Count;
            _linesColumn = IndexOfLines(_columns);
        }

        if (_linesColumn >= 0 && _linesColumn < raw.Values.Length && raw.Values[_linesColumn] is { } json &&
            !OrderLineReader.FromJson(json, lines))
        {
            row.Errors.Add(new ImportError(ImportErrorCodes.BadLines, _run.FileName, raw.Line,
                _linesColumn + 1, _columns[_linesColumn], Shorten(json), OrderLineReader.JsonExample));
        }

        if (_group.Count > 0 && customer is not null && _group[0].CustomerId is { } firstCustomer && customer != firstCustomer)
        {
            row.Fail(OrderFields.CustomerId, ImportErrorCodes.OrderConflict, customer, firstCustomer);
        }

        _group.Add(new Row(raw, [.. row.Errors], customer, orderedAt, amount, currency, status, recurring, lines));
    }

    /// <summary>Finishes the order being assembled; call at the end of the file.</summary>
    public void Flush()
    {
        if (_group.Count == 0)
        {
            return;
        }

        var bad = _group.FindIndex(r => r.Errors.Length > 0);
        ImportError? problem = null;
        var order = bad < 0 ? Build(out bad, out problem) : null;
        if (order is null)
        {
            var badLine = _group[bad].Raw.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < _group.Count; i++)
            {
                var row = _group[i];
                _run.Reject(row.Raw, row.Errors.Length > 0 ? row.Errors
                    : i == bad && problem is not null ? [problem]
                    : [new ImportError(ImportErrorCodes.OrderRowRejected, _run.FileName, row.Raw.Line, null, null, null, badLine)]);
            }
        }
        else
        {
            _run.Session.Add(order);
            _run.Accept(_group.Count, 1);
        }

        _group.Clear();
        _groupId = null;
    }

    /// <summary>The order of the current group, or null with the row at fault and the problem.</summary>
    private Order? Build(out int bad, out ImportError? problem)
    {
        bad = -1;
        problem = null;
        var first = _group[0];
        var currency = _group.Select(r => r.Amount?.Currency).FirstOrDefault(c => c is not null) ?? first.Currency ?? _run.DefaultCurrency;
        var other = _group.FindIndex(r => r.Amount is { } a && a.Currency != currency);
        if (other >= 0)
        {
            bad = other;
            problem = Error(_group[other], OrderFields.Currency, ImportErrorCodes.OrderConflict, _group[other].Amount!.Value.Currency, currency);
            return null;
        }

        var lines = _group.SelectMany(r => r.Lines).ToList();
        decimal total;
        if (_group.Any(r => r.Amount is not null))
        {
            total = _group.Sum(r => r.Amount?.Amount ?? 0m);
        }
        else if (lines.Count > 0 && lines.All(l => l.UnitPrice is not null))
        {
            total = lines.Sum(l => l.Quantity * l.UnitPrice!.Value);
        }
        else
        {
            bad = 0;
            problem = Error(first, OrderFields.Amount, ImportErrorCodes.MissingValue, null, OrderFields.Schema.Fields[OrderFields.Amount].Display);
            return null;
        }

        return new Order(_groupId!, first.CustomerId!, first.OrderedAt!.Value, new Money(total, currency), first.Status,
            first.IsRecurring, lines.Count == 0 ? Order.NoLines : lines);
    }

    private ImportError Error(Row row, int field, string code, string? value, string? detail)
    {
        var column = _run.Binding.ColumnOf(field);
        return new ImportError(code, _run.FileName, row.Raw.Line, column < 0 ? null : column + 1,
            column < 0 ? OrderFields.Schema.Fields[field].Name : _run.Columns[column], value, detail);
    }

    private static int IndexOfLines(IReadOnlyList<string> columns)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (TextNormalizer.HeaderKey(columns[i]) is "lines" or "明細")
            {
                return i;
            }
        }

        return -1;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private sealed record Row(
        RawRecord Raw,
        ImportError[] Errors,
        string? CustomerId,
        DateTimeOffset? OrderedAt,
        Money? Amount,
        string? Currency,
        OrderStatus Status,
        bool IsRecurring,
        List<OrderLine> Lines);
}
