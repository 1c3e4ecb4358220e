namespace Kizuki.Demo;

/// <summary>The hidden truth of one demo customer: when they came, what drives them away, when (if) they leave.</summary>
/// <remarks>
/// A story has at most one episode: from its onset the mechanism's intensity ramps up over
/// <see cref="RampDays"/>, holds, then fades over <see cref="DecayDays"/>. Behaviour (logins, tickets, orders…)
/// follows the intensity; the monthly hazard follows it too, measured at each month start, so signals lead churn by weeks.
/// </remarks>
internal sealed class CustomerStory
{
    /// <summary>Days for an episode's signals to reach full strength.</summary>
    public const int RampDays = 42;

    /// <summary>Days for an episode's signals to fade once it is over.</summary>
    public const int DecayDays = 28;

    public CustomerStory(int index, string customerId, int signupDay, DateTimeOffset signupAt, int months)
    {
        Index = index;
        CustomerId = customerId;
        SignupDay = signupDay;
        SignupAt = signupAt;
        Hazard = new float[months];
        BackgroundHazard = new float[months];
        ActiveMechanism = new ChurnMechanism[months];
        Array.Fill(Hazard, float.NaN);
        Array.Fill(BackgroundHazard, float.NaN);
    }

    public int Index { get; }

    public string CustomerId { get; }

    /// <summary>Day index of the signup; negative for customers who were already there when the history starts.</summary>
    public int SignupDay { get; }

    public DateTimeOffset SignupAt { get; }

    public ChurnMechanism Mechanism { get; set; }

    /// <summary>Episode strength, 0–1: mild episodes (below 0.5) mostly recover.</summary>
    public double Severity { get; set; }

    public int OnsetDay { get; set; } = int.MaxValue;

    public int PlateauEndDay { get; set; } = int.MaxValue;

    /// <summary>Day of churn, or -1 when the customer stays to the end of the history.</summary>
    public int ChurnDay { get; set; } = -1;

    public DateTimeOffset? ChurnedAt { get; set; }

    /// <summary>The mechanism active when the customer left (<see cref="ChurnMechanism.None"/> for background churn).</summary>
    public ChurnMechanism ChurnCause { get; set; }

    public bool Recovered { get; set; }

    /// <summary>Day of a retention touch (or hold-out), or -1.</summary>
    public int TouchDay { get; set; } = -1;

    public bool TouchIsControl { get; set; }

    /// <summary>True monthly churn hazard per history month; NaN where the customer is not (or no longer) a customer.</summary>
    public float[] Hazard { get; }

    /// <summary>The part of <see cref="Hazard"/> no episode drives (background, seasonality, contract shape); NaN where
    /// <see cref="Hazard"/> is. What is left of the hazard when nothing about the episode can be known.</summary>
    public float[] BackgroundHazard { get; }

    /// <summary>The mechanism active at each month start.</summary>
    public ChurnMechanism[] ActiveMechanism { get; }

    public bool Churned => ChurnDay >= 0;

    /// <summary>First day that carries events: the day after signup, or day 0 for customers who were already there.</summary>
    public int FirstEventDay => Math.Max(SignupDay + 1, 0);

    /// <summary>Day after the last day that carries events.</summary>
    public int EndDay(int days) => ChurnDay >= 0 ? ChurnDay : days;

    /// <summary>The mechanism's true intensity on a day, 0–1 (drives the hazard, also for silent churners).</summary>
    public double Intensity(int day)
    {
        if (Mechanism == ChurnMechanism.None || day < OnsetDay)
        {
            return 0;
        }

        var ramp = Math.Min(1.0, (day - OnsetDay) / (double)RampDays);
        if (day > PlateauEndDay)
        {
            ramp = Math.Min(ramp, 1.0 - ((day - PlateauEndDay) / (double)DecayDays));
        }

        return ramp <= 0 ? 0 : ramp * Severity;
    }

    /// <summary>The visible signal strength of <paramref name="mechanism"/> on a day: 0 unless it is this story's (silent ones show nothing).</summary>
    public double Signal(ChurnMechanism mechanism, int day) =>
        mechanism == Mechanism && mechanism != ChurnMechanism.Silent ? Intensity(day) : 0;

    /// <summary>The visible signal strength of whatever drives this customer.</summary>
    public double Signal(int day) => Mechanism == ChurnMechanism.Silent ? 0 : Intensity(day);
}
