using Kizuki.Domain;

namespace Kizuki.Ingest;

/// <summary>What to do with each readable row of a file, per entity kind.</summary>
internal static class RowHandlers
{
    /// <summary>A row handler: maps the row and either adds the record to the session or rejects the row.</summary>
    public delegate void Handle(RowReader row, RawRecord raw);

    /// <summary>The handler of a kind and what to call at the end of the file.</summary>
    public static (Handle Handle, Action Finish) For(EntityKind kind, ImportRun run)
    {
        var session = run.Session;
        switch (kind)
        {
            case EntityKind.Customers:
                return (Simple(run, RecordMappers.Customer, session.Add), Nothing);
            case EntityKind.Subscriptions:
                return (Simple(run, RecordMappers.Subscription, session.Add), Nothing);
            case EntityKind.Activities:
                return (Simple(run, RecordMappers.Activity, session.Add), Nothing);
            case EntityKind.Tickets:
                return (Simple(run, RecordMappers.Ticket, session.Add), Nothing);
            case EntityKind.Surveys:
                return (Simple(run, RecordMappers.Survey, session.Add), Nothing);
            case EntityKind.Touches:
                return (Simple(run, RecordMappers.Touch, session.Add), Nothing);
            case EntityKind.ChurnEvents:
                return (Simple(run, RecordMappers.ChurnEvent, session.Add), Nothing);
            case EntityKind.Orders:
                var assembler = new OrderAssembler(run, run.Columns);
                return ((row, raw) => assembler.Add(row, raw), assembler.Flush);
            case EntityKind.OrderLines:
                var lines = new OrderLineImporter();
                return ((row, raw) =>
                {
                    if (lines.Read(row) is { } line)
                    {
                        session.AddLine(line.OrderId, line.LineNumber, line.Line);
                        run.Accept(1, 1);
                    }
                    else
                    {
                        run.Reject(raw, [.. row.Errors]);
                    }
                }, Nothing);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown entity kind.");
        }
    }

    private static void Nothing()
    {
    }

    private static Handle Simple<T>(ImportRun run, Func<RowReader, T?> map, Action<T> add)
        where T : class =>
        (row, raw) =>
        {
            if (map(row) is { } record)
            {
                add(record);
                run.Accept(1, 1);
            }
            else
            {
                run.Reject(raw, [.. row.Errors]);
            }
        };
}
