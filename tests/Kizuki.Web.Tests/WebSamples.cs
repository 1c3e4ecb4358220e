using Kizuki.Domain;
using Kizuki.Explanations;
using Kizuki.Storage;

namespace Kizuki.Web.Tests;

/// <summary>A small business in a temp data directory: three customers, two scorings a week apart, orders and a churn.</summary>
internal sealed class WebSamples : IDisposable
{
    public const string AdminPassword = "admin-password-1";
    public const string StaffPassword = "staff-password-1";
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    public WebSamples()
    {
        Directory = Path.Combine(Path.GetTempPath(), "kizuki-web-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        using var store = StoreFactory.Open(Directory);
        using (var session = store.BeginImport())
        {
            session.Add(new Customer("c1", "株式会社あさひ", Now.AddYears(-2), new CustomerSegment("retail", "kanto", "pro"), Customer.NoAttributes));
            session.Add(new Customer("c2", "Blue Ocean KK", Now.AddYears(-1), new CustomerSegment("it", "kansai", "basic"), Customer.NoAttributes));
            session.Add(new Customer("c3", "三河商店", Now.AddMonths(-6), new CustomerSegment("retail", "kanto", "basic"), Customer.NoAttributes));
            session.Add(new Order("o1", "c1", Now.AddDays(-20), Money.Yen(12000m), OrderStatus.Completed, false, []));
            session.Add(new ChurnEvent("x1", "c3", Now.AddDays(-3), "price", null));
            session.Commit();
        }

        var features = new Dictionary<string, object?> { ["days_since_last_order"] = 20.0 };
        var reasons = ReasonsJson.Write(new CustomerReasons(
            [new Reason("orders", "days_since_last_order", 0.8, 12.5, "最終注文から20日", "20 days since the last order")],
            [],
            new SuggestedAction("orders", "電話で近況を伺う", "Call to check in")));
        store.SaveScores([
            new StoredScore("c1", Now.AddDays(-7), 1, 0.30, RiskBand.Medium, 3000m, features, Now.AddDays(-7)),
            new StoredScore("c2", Now.AddDays(-7), 1, 0.05, RiskBand.Low, 100m, features, Now.AddDays(-7)),
            new StoredScore("c1", Now, 1, 0.72, RiskBand.High, 9000m, features, Now) { Reasons = reasons },
            new StoredScore("c2", Now, 1, 0.40, RiskBand.Medium, 20000m, features, Now),
            new StoredScore("c3", Now, 1, 0.10, RiskBand.Low, 50m, features, Now),
        ]);
        var accounts = AccountStores.For(store);
        accounts.AddUser(new UserAccount("admin", AccountRole.Admin, PasswordHasher.Hash(AdminPassword, 1000), Now), "test");
        accounts.AddUser(new UserAccount("staff", AccountRole.Staff, PasswordHasher.Hash(StaffPassword, 1000), Now), "test");
        var (staffKey, staffRecord) = ApiKeys.Create(AccountRole.Staff, "test", "test", Now);
        var (managerKey, managerRecord) = ApiKeys.Create(AccountRole.Manager, "test", "test", Now);
        accounts.AddApiKey(staffRecord);
        accounts.AddApiKey(managerRecord);
        StaffKey = staffKey;
        ManagerKey = managerKey;
    }

    public string Directory { get; }

    public string StaffKey { get; }

    public string ManagerKey { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection; the temp folder is cleaned by the system.
        }
    }
}
