using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Kizuki.Domain;

namespace Kizuki.Ingest;

/// <summary>Turns a row into a domain record; null when the row has problems (they are in <see cref="RowReader.Errors"/>).</summary>
internal static class RecordMappers
{
    public static Customer? Customer(RowReader row)
    {
        var id = row.Id(CustomerFields.Id);
        var name = row.Text(CustomerFields.Name);
        var signup = row.Date(CustomerFields.SignupAt, required: true);
        var segment = new CustomerSegment(
            row.Text(CustomerFields.Industry),
            row.Text(CustomerFields.Region),
            row.Text(CustomerFields.Plan),
            row.Text(CustomerFields.AcquisitionChannel),
            row.Text(CustomerFields.CompanySize));
        if (row.Errors.Count > 0)
        {
            return null;
        }

        var extras = row.ExtraColumns();
        IReadOnlyDictionary<string, string> attributes = extras.Count == 0 ? Domain.Customer.NoAttributes : extras;
        return new Customer(id!, name, signup!.Value, segment, attributes);
    }

    public static Subscription? Subscription(RowReader row)
    {
        var id = row.Id(SubscriptionFields.Id);
        var customer = row.Id(SubscriptionFields.CustomerId);
        var plan = row.Required(SubscriptionFields.Plan);
        var started = row.Date(SubscriptionFields.StartedAt, required: true);
        var renews = row.Date(SubscriptionFields.RenewsAt, required: false);
        var ended = row.Date(SubscriptionFields.EndedAt, required: false);
        var amount = row.Amount(SubscriptionFields.Amount, SubscriptionFields.Currency, required: true);
        var cycle = row.Integer(SubscriptionFields.BillingCycleMonths, 1, 120, required: false) ?? 1;
        var seats = row.Integer(SubscriptionFields.Seats, 1, int.MaxValue, required: false) ?? 1;
        if (row.Errors.Count > 0)
        {
            return null;
        }

        return new Subscription(id!, customer!, plan!, started!.Value, renews, ended, amount!.Value, cycle, seats,
            row.Text(SubscriptionFields.CancellationReason), row.Text(SubscriptionFields.Competitor));
    }

    public static Activity? Activity(RowReader row)
    {
        var id = row.Id(ActivityFields.Id, required: false);
        var customer = row.Id(ActivityFields.CustomerId);
        var occurred = row.Date(ActivityFields.OccurredAt, required: true);
        var type = row.Required(ActivityFields.Type);
        if (type is not null && !ActivityTypes.IsValidName(type))
        {
            var lower = type.ToLowerInvariant();
            if (ActivityTypes.IsValidName(lower))
            {
                type = lower;
            }
            else
            {
                row.Fail(ActivityFields.Type, ImportErrorCodes.BadActivityType, type, string.Join(", ", ActivityTypes.BuiltIn));
            }
        }

        var name = row.Text(ActivityFields.Name);
        var quantity = row.Number(ActivityFields.Quantity, 0m, required: false, "1, 30.5");
        if (row.Errors.Count > 0)
        {
            return null;
        }

        var amount = quantity is { } q ? (double)q : (double?)null;
        return new Activity(id ?? DerivedActivityId(customer!, occurred!.Value, type!, name, amount),
            customer!, occurred!.Value, type!, name, amount);
    }

    /// <summary>
    /// A stable id for an activity whose source has none: a hash of its content, so that importing the same
    /// file twice adds nothing the second time. Two identical activities in one source collapse into one.
    /// </summary>
    public static string DerivedActivityId(string customerId, DateTimeOffset occurredAt, string type, string? name, double? quantity)
    {
        // Fields are length-prefixed so that ("ab", "c") and ("a", "bc") differ; numbers are written as fixed-width bytes.
        var size = 4 + Encoding.UTF8.GetMaxByteCount(customerId.Length) + 8 + 4 + Encoding.UTF8.GetMaxByteCount(type.Length) +
            4 + Encoding.UTF8.GetMaxByteCount(name?.Length ?? 0) + 9;
        var buffer = size <= 1024 ? stackalloc byte[size] : new byte[size];
        var length = 0;
        Text(buffer, ref length, customerId);
        BinaryPrimitives.WriteInt64BigEndian(buffer[length..], occurredAt.UtcTicks);
        length += 8;
        Text(buffer, ref length, type);
        Text(buffer, ref length, name);
        buffer[length++] = quantity is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteDoubleBigEndian(buffer[length..], quantity ?? 0);
        length += 8;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(buffer[..length], hash);
        return string.Concat("h-", Convert.ToHexStringLower(hash[..16]));
    }

    private static void Text(Span<byte> buffer, ref int length, string? text)
    {
        var count = text is null ? -1 : Encoding.UTF8.GetBytes(text, buffer[(length + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer[length..], count);
        length += 4 + Math.Max(count, 0);
    }

    public static Ticket? Ticket(RowReader row)
    {
        var id = row.Id(TicketFields.Id);
        var customer = row.Id(TicketFields.CustomerId);
        var opened = row.Date(TicketFields.OpenedAt, required: true);
        var closed = row.Date(TicketFields.ClosedAt, required: false);
        var channel = row.Choice(TicketFields.Channel, Vocabularies.TicketChannel, required: true);
        var status = row.Choice(TicketFields.Status, Vocabularies.TicketStatus, required: false);
        var satisfaction = row.Integer(TicketFields.Satisfaction, 1, 5, required: false);
        if (row.Errors.Count > 0)
        {
            return null;
        }

        return new Ticket(id!, customer!, opened!.Value, closed, channel!.Value, row.Text(TicketFields.Subject) ?? string.Empty,
            row.Text(TicketFields.Body) ?? string.Empty, status ?? (closed is null ? TicketStatus.Open : TicketStatus.Closed), satisfaction);
    }

    public static SurveyResponse? Survey(RowReader row)
    {
        var id = row.Id(SurveyFields.Id);
        var customer = row.Id(SurveyFields.CustomerId);
        var responded = row.Date(SurveyFields.RespondedAt, required: true);
        var kind = row.Choice(SurveyFields.Kind, Vocabularies.SurveyKind, required: true);
        int? score = null;
        if (kind is { } known)
        {
            var (min, max) = SurveyResponse.ScoreRange(known);
            score = row.Integer(SurveyFields.Score, min, max, required: true);
        }
        else
        {
            row.Integer(SurveyFields.Score, 0, 10, required: true);
        }

        if (row.Errors.Count > 0)
        {
            return null;
        }

        return new SurveyResponse(id!, customer!, responded!.Value, kind!.Value, score!.Value, row.Text(SurveyFields.Comment));
    }

    public static Touch? Touch(RowReader row)
    {
        var id = row.Id(TouchFields.Id);
        var customer = row.Id(TouchFields.CustomerId);
        var touched = row.Date(TouchFields.TouchedAt, required: true);
        var campaign = row.Required(TouchFields.Campaign);
        var channel = row.Required(TouchFields.Channel);
        var control = row.Boolean(TouchFields.IsControl, fallback: false);
        if (row.Errors.Count > 0)
        {
            return null;
        }

        return new Touch(id!, customer!, touched!.Value, campaign!, channel!, control);
    }

    public static ChurnEvent? ChurnEvent(RowReader row)
    {
        var id = row.Id(ChurnEventFields.Id);
        var customer = row.Id(ChurnEventFields.CustomerId);
        var occurred = row.Date(ChurnEventFields.OccurredAt, required: true);
        if (row.Errors.Count > 0)
        {
            return null;
        }

        return new ChurnEvent(id!, customer!, occurred!.Value, row.Text(ChurnEventFields.Reason), row.Text(ChurnEventFields.Competitor));
    }
}
