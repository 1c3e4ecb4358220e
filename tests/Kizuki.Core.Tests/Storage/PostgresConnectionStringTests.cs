using Kizuki.Storage;

namespace Kizuki.Tests.Storage;

public sealed class PostgresConnectionStringTests
{
    [Theory]
    [InlineData("postgres://app:s%40cret@db.example.com:6543/kizuki?sslmode=require", "db.example.com", 6543, "app", "s@cret", "kizuki")]
    [InlineData("postgresql://app@localhost/churn", "localhost", 5432, "app", null, "churn")]
    [InlineData("postgres://u:p@[::1]:5433/d", "::1", 5433, "u", "p", "d")]
    public void Parse_Url_SetsEveryPart(string url, string host, int port, string user, string? password, string database)
    {
        var builder = PostgresConnectionString.Parse(url);

        Assert.Equal((host, port, user, password, database),
            (builder.Host, builder.Port, builder.Username, builder.Password, builder.Database));
    }

    [Fact]
    public void Parse_UrlQuery_PassesNpgsqlKeywords()
    {
        var builder = PostgresConnectionString.Parse("postgres://u:p@h/d?sslmode=require&Timeout=30");

        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
        Assert.Equal(30, builder.Timeout);
    }

    [Fact]
    public void Parse_ConnectionString_IsKept()
    {
        var builder = PostgresConnectionString.Parse("Host=db;Port=5433;Username=u;Password=p;Database=d");

        Assert.Equal(("db", 5433, "d"), (builder.Host, builder.Port, builder.Database));
    }

    [Theory]
    [InlineData("mysql://u:topsecret@h/d")]
    [InlineData("postgres://u:topsecret@h/d?nonsense=1")]
    [InlineData("Port=5432;Password=topsecret")]
    public void Parse_Invalid_ThrowsWithoutShowingThePassword(string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Parse(setting));

        Assert.DoesNotContain("topsecret", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid database setting", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Url_HidesPassword()
    {
        var location = PostgresConnectionString.Describe(PostgresConnectionString.Parse("postgres://app:hunter2@db:6543/kizuki"));

        Assert.Equal("postgresql://app@db:6543/kizuki", location);
    }

    [Theory]
    [InlineData("postgres://h/d", true)]
    [InlineData("POSTGRESQL://h/d", true)]
    [InlineData("Host=h;Database=d", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    public void IsPostgres_Setting_RecognisesBothForms(string? setting, bool expected) =>
        Assert.Equal(expected, PostgresConnectionString.IsPostgres(setting));
}
