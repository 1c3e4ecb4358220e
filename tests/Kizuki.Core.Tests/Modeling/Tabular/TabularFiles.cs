using System.Globalization;
using System.Text;
using Kizuki.Modeling.Tabular;

namespace Kizuki.Tests.Modeling.Tabular;

/// <summary>Writes small CSV tables into a temporary folder removed on dispose.</summary>
internal sealed class TabularFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("kizuki-tabular-");

    public TabularTable Table(string csv, Encoding? encoding = null)
    {
        var path = Path.Combine(_directory.FullName, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, csv, encoding ?? new UTF8Encoding(true));
        return TabularTable.Read(path);
    }

    public string PathOf(string name) => Path.Combine(_directory.FullName, name);

    /// <summary>A synthetic customer table: churn rises with support tickets and the "月額" plan, falls with tenure.</summary>
    public static string Synthetic(int rows, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder("顧客ID,tenure,tickets,plan,region,churn\n");
        string[] plans = ["月額", "年額", "2年"];
        string[] regions = ["東京", "大阪", "福岡"];
        for (var r = 0; r < rows; r++)
        {
            var tenure = random.Next(1, 72);
            var tickets = random.Next(0, 6);
            var plan = random.Next(3);
            var logit = -1 + (0.6 * tickets) - (0.04 * tenure) + (plan == 0 ? 1.5 : 0);
            var churn = random.NextDouble() < 1 / (1 + Math.Exp(-logit));
            var ticketText = random.NextDouble() < 0.05 ? string.Empty : tickets.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"C{r:D5},{tenure},{ticketText},{plans[plan]},{regions[random.Next(3)]},{(churn ? "Yes" : "No")}\n");
        }

        return text.ToString();
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
