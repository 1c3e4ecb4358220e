using Kizuki.Domain;

namespace Kizuki.Features.History;

/// <summary>Milliseconds since the Unix epoch (UTC): the time unit of histories, cheap to compare and subtract.</summary>
public static class Millis
{
    /// <summary>One day in milliseconds.</summary>
    public const long Day = 86_400_000;

    /// <summary>"Never" or "not yet": later than any real instant.</summary>
    public const long Never = long.MaxValue;

    /// <summary>The instant as milliseconds.</summary>
    public static long Of(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    /// <summary>The milliseconds as an instant (UTC).</summary>
    public static DateTimeOffset ToInstant(long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);
}

/// <summary>Something that happened at an instant; histories keep these in time order.</summary>
public interface ITimed
{
    /// <summary>The instant that orders the event (milliseconds since the epoch).</summary>
    long At { get; }
}

/// <summary>An order as features see it.</summary>
/// <param name="Time">When it was placed.</param>
/// <param name="Amount">Total amount (in the order's currency; a business uses one currency).</param>
/// <param name="Status">Completed, cancelled or returned.</param>
/// <param name="IsRecurring">From a recurring subscription (定期購入).</param>
public readonly record struct OrderEvent(long Time, double Amount, OrderStatus Status, bool IsRecurring) : ITimed
{
    long ITimed.At => Time;
}

/// <summary>An activity as features see it, with its type and name interned and its page categories resolved.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Type">Interned activity type (see <see cref="HistoryVocabulary"/>).</param>
/// <param name="Name">Interned page path, feature or campaign name; -1 when none.</param>
/// <param name="Categories">The page categories a page view's path falls into (bit i = category i of the settings).</param>
/// <param name="Quantity">Quantity or duration; NaN when the source had none.</param>
public readonly record struct ActivityEvent(long Time, int Type, int Name, uint Categories, double Quantity) : ITimed
{
    long ITimed.At => Time;
}

/// <summary>A subscription as features see it. Its end is known only from <see cref="End"/> on.</summary>
/// <param name="Start">Start of the contract.</param>
/// <param name="End">End or cancellation; <see cref="Millis.Never"/> while running.</param>
/// <param name="MonthlyAmount">Recurring amount per month (amount / billing cycle months).</param>
/// <param name="CycleMonths">Billing cycle in months.</param>
/// <param name="Seats">Seats.</param>
/// <param name="Plan">Plan name.</param>
public readonly record struct SubscriptionEvent(long Start, long End, double MonthlyAmount, int CycleMonths, int Seats, string Plan) : ITimed
{
    long ITimed.At => Start;
}

/// <summary>A support ticket as features see it. Its closing and satisfaction are known only from <see cref="Closed"/> on.</summary>
/// <param name="Opened">When it was opened.</param>
/// <param name="Closed">When it was closed; <see cref="Millis.Never"/> while open.</param>
/// <param name="Satisfaction">Satisfaction 1–5 given at closing; 0 when none.</param>
/// <param name="Sentiment">Sentiment of its text from -1 to 1, from a text scorer; NaN when no scorer has read it.</param>
/// <param name="ChurnIntent">Probability 0–1 that the text states an intent to cancel; NaN when no scorer has read it.</param>
public readonly record struct TicketEvent(long Opened, long Closed, int Satisfaction, double Sentiment, double ChurnIntent) : ITimed
{
    long ITimed.At => Opened;
}

/// <summary>A survey answer as features see it.</summary>
/// <param name="Time">When it was given.</param>
/// <param name="Kind">NPS or CSAT.</param>
/// <param name="Score">The score (0–10 NPS, 1–5 CSAT).</param>
public readonly record struct SurveyEvent(long Time, SurveyKind Kind, int Score) : ITimed
{
    long ITimed.At => Time;
}

/// <summary>A retention touch (a contact, or a hold-out from one) as features see it.</summary>
/// <param name="Time">When the customer was contacted (or held out).</param>
/// <param name="IsControl">True for a hold-out: the customer was chosen but deliberately not contacted.</param>
public readonly record struct TouchEvent(long Time, bool IsControl) : ITimed
{
    long ITimed.At => Time;
}

/// <summary>A recorded cancellation.</summary>
/// <param name="Time">When the customer left.</param>
public readonly record struct ChurnMark(long Time) : ITimed
{
    long ITimed.At => Time;
}
