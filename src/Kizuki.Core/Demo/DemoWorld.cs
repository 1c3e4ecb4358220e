namespace Kizuki.Demo;

/// <summary>The calendar of one demo run: days and months of the history in the business's local time.</summary>
/// <remarks>
/// Day 0 starts at <see cref="DemoOptions.HistoryStart"/>. Days are counted in the offset of
/// <see cref="DemoOptions.HistoryEnd"/> (Japan time by default), so "evening" and "December" mean local ones,
/// while every produced instant is in UTC.
/// </remarks>
internal sealed class DemoWorld
{
    private readonly long _startUtcTicks;
    private readonly byte[] _monthOfDay;
    private readonly byte[] _calendarMonth;
    private readonly byte[] _dayOfMonth;
    private readonly byte[] _dayOfWeek;

    public DemoWorld(DemoOptions options)
    {
        Options = options;
        Start = options.HistoryStart;
        _startUtcTicks = Start.UtcTicks;
        Days = (int)((options.HistoryEnd - Start).Ticks / TimeSpan.TicksPerDay);
        Months = options.HistoryMonths;
        MonthStartDay = new int[Months + 1];
        MonthStarts = new DateTimeOffset[Months + 1];
        for (var k = 0; k <= Months; k++)
        {
            MonthStarts[k] = options.HistoryEnd.AddMonths(k - Months);
            MonthStartDay[k] = (int)((MonthStarts[k] - Start).Ticks / TimeSpan.TicksPerDay);
        }

        _monthOfDay = new byte[Days];
        _calendarMonth = new byte[Days];
        _dayOfMonth = new byte[Days];
        _dayOfWeek = new byte[Days];
        var month = 0;
        for (var d = 0; d < Days; d++)
        {
            while (month + 1 < Months && d >= MonthStartDay[month + 1])
            {
                month++;
            }

            var local = Start.AddDays(d);
            _monthOfDay[d] = (byte)month;
            _calendarMonth[d] = (byte)local.Month;
            _dayOfMonth[d] = (byte)local.Day;
            _dayOfWeek[d] = (byte)local.DayOfWeek;
        }
    }

    public DemoOptions Options { get; }

    /// <summary>First instant of the history, in the business's offset.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Days in the history.</summary>
    public int Days { get; }

    /// <summary>Months in the history.</summary>
    public int Months { get; }

    /// <summary>Day index of each month start; the extra last entry is <see cref="Days"/>.</summary>
    public int[] MonthStartDay { get; }

    /// <summary>Local start of each month; the extra last entry is the history end.</summary>
    public DateTimeOffset[] MonthStarts { get; }

    /// <summary>The UTC instant <paramref name="localHour"/> hours into local day <paramref name="day"/>, whole seconds.</summary>
    public DateTimeOffset At(int day, double localHour)
    {
        var seconds = (long)(Math.Clamp(localHour, 0, 23.999) * 3600);
        return new DateTimeOffset(
            _startUtcTicks + (day * TimeSpan.TicksPerDay) + (seconds * TimeSpan.TicksPerSecond),
            TimeSpan.Zero);
    }

    /// <summary>The local calendar date of a day index (negative for days before the history).</summary>
    public DateTimeOffset LocalDate(int day) => Start.AddDays(day);

    /// <summary>The day index of a local date (negative before the history).</summary>
    public int DayOf(DateTimeOffset localDate) => (int)Math.Floor((localDate - Start).TotalDays);

    /// <summary>History month index of a day.</summary>
    public int MonthOf(int day) => _monthOfDay[day];

    /// <summary>Calendar month (1–12) of a day.</summary>
    public int CalendarMonth(int day) => _calendarMonth[day];

    /// <summary>Day of the calendar month (1–31).</summary>
    public int DayOfMonth(int day) => _dayOfMonth[day];

    /// <summary>Whether a day is a Saturday or Sunday.</summary>
    public bool IsWeekend(int day) => _dayOfWeek[day] is (byte)DayOfWeek.Saturday or (byte)DayOfWeek.Sunday;

    /// <summary>Whether a day falls in the year-end and new-year holidays (年末年始, 29 Dec – 3 Jan).</summary>
    public bool IsYearEndHoliday(int day) =>
        (_calendarMonth[day] == 12 && _dayOfMonth[day] >= 29) || (_calendarMonth[day] == 1 && _dayOfMonth[day] <= 3);
}
