// The dashboard on its own: `dotnet Kizuki.Web.dll --Kizuki:DataDirectory=PATH`. `kizuki serve` hosts the same app.
var app = Kizuki.Web.KizukiWebApp.Build(args);
app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
internal sealed partial class Program;
