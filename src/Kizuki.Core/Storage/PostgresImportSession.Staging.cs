using Kizuki.Domain;
using Npgsql;
using NpgsqlTypes;

namespace Kizuki.Storage;

internal sealed partial class PostgresImportSession
{
    /// <summary>The staging table of one kind, seen without its row type.</summary>
    private interface IStaging
    {
        StoreTable Table { get; }

        /// <summary>Name of the temporary table.</summary>
        string Name { get; }

        /// <summary>Rows copied to the server so far.</summary>
        long Count { get; }

        /// <summary>Copies the buffered rows to the server.</summary>
        void Flush(NpgsqlConnection connection);
    }

    /// <summary>
    /// Buffered rows of one kind and their temporary table, created on first flush as <c>LIKE</c> the target table;
    /// upserted kinds get a <c>seq</c> column recording the order in which rows were added.
    /// </summary>
    private sealed class Staging<T>(StoreTable table, Action<NpgsqlBinaryImporter, T> write) : IStaging
    {
        private readonly List<T> pending = [];

        public StoreTable Table => table;

        public string Name => "kizuki_stage_" + table.Name;

        public long Count { get; private set; }

        /// <summary>Buffers a row; returns how many are buffered.</summary>
        public int Add(T row)
        {
            pending.Add(row);
            return pending.Count;
        }

        public void Flush(NpgsqlConnection connection)
        {
            if (pending.Count == 0)
            {
                return;
            }

            var columns = table.ColumnList() + (table.IsUpserted ? ", seq" : "");
            if (Count == 0)
            {
                var seq = table.IsUpserted ? ", seq bigint NOT NULL" : "";
                using var create = new NpgsqlCommand(
                    $"CREATE TEMP TABLE IF NOT EXISTS {Name} (LIKE {table.Name}{seq}) ON COMMIT DROP", connection);
                create.ExecuteNonQuery();
            }

            using (var importer = connection.BeginBinaryImport($"COPY {Name} ({columns}) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in pending)
                {
                    importer.StartRow();
                    write(importer, row);
                    if (table.IsUpserted)
                    {
                        importer.Write(Count, NpgsqlDbType.Bigint);
                    }

                    Count++;
                }

                importer.Complete();
            }

            pending.Clear();
        }
    }

    private static void WriteCustomer(NpgsqlBinaryImporter w, Customer c)
    {
        Text(w, c.Id);
        Text(w, c.Name);
        Time(w, c.SignupAt);
        Text(w, c.Segment.Industry);
        Text(w, c.Segment.Region);
        Text(w, c.Segment.Plan);
        Text(w, c.Segment.AcquisitionChannel);
        Text(w, c.Segment.CompanySize);
        w.Write(StoreValues.ToJson(c.Attributes), NpgsqlDbType.Jsonb);
    }

    private static void WriteOrder(NpgsqlBinaryImporter w, Order o)
    {
        Text(w, o.Id);
        Text(w, o.CustomerId);
        Time(w, o.OrderedAt);
        Numeric(w, o.Amount.Amount);
        Text(w, o.Amount.Currency);
        Text(w, StoreValues.ToText(o.Status));
        w.Write(o.IsRecurring, NpgsqlDbType.Boolean);
    }

    private static void WriteLine(NpgsqlBinaryImporter w, StagedLine l)
    {
        Text(w, l.OrderId);
        w.Write(l.LineNumber, NpgsqlDbType.Integer);
        Text(w, l.Line.Product);
        Text(w, l.Line.Category);
        Numeric(w, l.Line.Quantity);
        Numeric(w, l.Line.UnitPrice);
    }

    private static void WriteSubscription(NpgsqlBinaryImporter w, Subscription s)
    {
        Text(w, s.Id);
        Text(w, s.CustomerId);
        Text(w, s.Plan);
        Time(w, s.StartedAt);
        Time(w, s.RenewsAt);
        Time(w, s.EndedAt);
        Numeric(w, s.RecurringAmount.Amount);
        Text(w, s.RecurringAmount.Currency);
        w.Write(s.BillingCycleMonths, NpgsqlDbType.Integer);
        w.Write(s.Seats, NpgsqlDbType.Integer);
        Text(w, s.CancellationReason);
        Text(w, s.Competitor);
    }

    private static void WriteActivity(NpgsqlBinaryImporter w, Activity a)
    {
        Text(w, a.Id);
        Text(w, a.CustomerId);
        Time(w, a.OccurredAt);
        Text(w, a.Type);
        Text(w, a.Name);
        if (a.Quantity is { } quantity)
        {
            w.Write(quantity, NpgsqlDbType.Double);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void WriteTicket(NpgsqlBinaryImporter w, Ticket t)
    {
        Text(w, t.Id);
        Text(w, t.CustomerId);
        Time(w, t.OpenedAt);
        Time(w, t.ClosedAt);
        Text(w, StoreValues.ToText(t.Channel));
        Text(w, t.Subject);
        Text(w, t.Body);
        Text(w, StoreValues.ToText(t.Status));
        Integer(w, t.Satisfaction);
    }

    private static void WriteSurvey(NpgsqlBinaryImporter w, SurveyResponse s)
    {
        Text(w, s.Id);
        Text(w, s.CustomerId);
        Time(w, s.RespondedAt);
        Text(w, StoreValues.ToText(s.Kind));
        w.Write(s.Score, NpgsqlDbType.Integer);
        Text(w, s.Comment);
    }

    private static void WriteTouch(NpgsqlBinaryImporter w, Touch t)
    {
        Text(w, t.Id);
        Text(w, t.CustomerId);
        Time(w, t.TouchedAt);
        Text(w, t.Campaign);
        Text(w, t.Channel);
        w.Write(t.IsControl, NpgsqlDbType.Boolean);
    }

    private static void WriteChurnEvent(NpgsqlBinaryImporter w, ChurnEvent c)
    {
        Text(w, c.Id);
        Text(w, c.CustomerId);
        Time(w, c.OccurredAt);
        Text(w, c.Reason);
        Text(w, c.Competitor);
    }

    private static void Text(NpgsqlBinaryImporter w, string? value)
    {
        if (value is null)
        {
            w.WriteNull();
        }
        else
        {
            w.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void Time(NpgsqlBinaryImporter w, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            w.Write(StoreValues.ToUtcMilliseconds(instant), NpgsqlDbType.TimestampTz);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Numeric(NpgsqlBinaryImporter w, decimal? value)
    {
        if (value is { } number)
        {
            w.Write(number, NpgsqlDbType.Numeric);
        }
        else
        {
            w.WriteNull();
        }
    }

    private static void Integer(NpgsqlBinaryImporter w, int? value)
    {
        if (value is { } number)
        {
            w.Write(number, NpgsqlDbType.Integer);
        }
        else
        {
            w.WriteNull();
        }
    }
}
