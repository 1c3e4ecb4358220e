using System.Globalization;
using System.Text;

namespace Kizuki.Demo;

/// <summary>Writes the hidden truth of a demo: <c>customers.csv</c> and <c>hazard.csv</c>. The product never reads them.</summary>
/// <remarks>
/// <c>customers.csv</c>: customer_id, scenario, mechanism, churned_at (UTC, empty if the customer stayed), recovered,
/// episode (the mechanism of the customer's one episode, silent ones included; none without one) and episode_onset (local
/// start of the episode's first day, with offset; empty without one).
/// <c>hazard.csv</c>: customer_id, month_start (local, with offset), hazard (true monthly churn probability),
/// active_mechanism, background_hazard (the part no episode drives) — one row per month the customer was a customer,
/// so the oracles in <see cref="OracleAuc"/> can be computed.
/// </remarks>
internal sealed class GroundTruthWriter : IDisposable
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    private readonly DemoWorld _world;
    private readonly string _scenario;
    private readonly string[] _monthLabels;
    private readonly StreamWriter _customers;
    private readonly StreamWriter _hazard;

    public GroundTruthWriter(string directory, DemoWorld world, DemoScenario scenario)
    {
        Directory.CreateDirectory(directory);
        _world = world;
        _scenario = DemoScenarios.Name(scenario);
        _monthLabels = [.. world.MonthStarts.Select(m => m.ToString(InstantFormat, CultureInfo.InvariantCulture))];
        CustomersPath = Path.Combine(directory, DemoGenerator.CustomersTruthFileName);
        HazardPath = Path.Combine(directory, DemoGenerator.HazardTruthFileName);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        _customers = new StreamWriter(CustomersPath, append: false, utf8, bufferSize: 1 << 16) { NewLine = "\n" };
        _hazard = new StreamWriter(HazardPath, append: false, utf8, bufferSize: 1 << 16) { NewLine = "\n" };
        _customers.WriteLine("customer_id,scenario,mechanism,churned_at,recovered,episode,episode_onset");
        _hazard.WriteLine("customer_id,month_start,hazard,active_mechanism,background_hazard");
    }

    public string CustomersPath { get; }

    public string HazardPath { get; }

    /// <summary>The mechanism the truth file names for a customer: the cause of churn, or the episode they lived through.</summary>
    public static ChurnMechanism TruthMechanism(CustomerStory story, int days) =>
        story.Churned ? story.ChurnCause : story.OnsetDay < days ? story.Mechanism : ChurnMechanism.None;

    public void Write(CustomerStory story)
    {
        Span<char> buffer = stackalloc char[32];
        _customers.Write(story.CustomerId);
        _customers.Write(',');
        _customers.Write(_scenario);
        _customers.Write(',');
        _customers.Write(ChurnMechanisms.Name(TruthMechanism(story, _world.Days)));
        _customers.Write(',');
        if (story.ChurnedAt is { } churnedAt
            && churnedAt.UtcDateTime.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
        {
            _customers.Write(buffer[..written]);
        }

        _customers.Write(story.Recovered ? ",true," : ",false,");
        var episode = story.OnsetDay < _world.Days ? story.Mechanism : ChurnMechanism.None;
        _customers.Write(ChurnMechanisms.Name(episode));
        _customers.Write(',');
        if (episode != ChurnMechanism.None)
        {
            _customers.Write(_world.LocalDate(story.OnsetDay).ToString(InstantFormat, CultureInfo.InvariantCulture));
        }

        _customers.WriteLine();

        for (var k = 0; k < story.Hazard.Length; k++)
        {
            var hazard = story.Hazard[k];
            if (float.IsNaN(hazard))
            {
                continue;
            }

            _hazard.Write(story.CustomerId);
            _hazard.Write(',');
            _hazard.Write(_monthLabels[k]);
            _hazard.Write(',');
            if (hazard.TryFormat(buffer, out var length, "0.######", CultureInfo.InvariantCulture))
            {
                _hazard.Write(buffer[..length]);
            }

            _hazard.Write(',');
            _hazard.Write(ChurnMechanisms.Name(story.ActiveMechanism[k]));
            _hazard.Write(',');
            if (story.BackgroundHazard[k].TryFormat(buffer, out var backgroundLength, "0.######", CultureInfo.InvariantCulture))
            {
                _hazard.Write(buffer[..backgroundLength]);
            }

            _hazard.WriteLine();
        }
    }

    public void Dispose()
    {
        _customers.Dispose();
        _hazard.Dispose();
    }
}
