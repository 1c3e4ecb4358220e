using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kizuki.Configuration;

namespace Kizuki.Web.Dashboard;

/// <summary>Rewrites <c>alerts.rules</c> of a data directory's settings.json, keeping every other setting as written.</summary>
internal static class SettingsRules
{
    private static readonly JsonSerializerOptions Output = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonDocumentOptions Input = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>
    /// Replaces <c>alerts.rules</c> with <paramref name="entries"/>: the new file is written beside the old one and moved over
    /// it, so readers see the old file or the new one, never half of one. Comments in the file are not kept.
    /// </summary>
    /// <exception cref="InvalidDataException">settings.json is not a JSON object.</exception>
    public static void Write(string dataDirectory, IReadOnlyList<string> entries)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, KizukiSettings.FileName);
        var root = File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path), documentOptions: Input) as JsonObject
                ?? throw new InvalidDataException($"{path}: 設定ファイルが JSON オブジェクトではありません。 / the settings file is not a JSON object.")
            : [];
        var alertsKey = KeyOf(root, "alerts");
        if (root[alertsKey] is not JsonObject alerts)
        {
            alerts = [];
            root[alertsKey] = alerts;
        }

        alerts[KeyOf(alerts, "rules")] = new JsonArray([.. entries.Select(e => (JsonNode?)JsonValue.Create(e))]);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllText(temporary, root.ToJsonString(Output) + "\n");
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The key as the file spells it (settings are read case-insensitively), else the camel-case name.</summary>
    private static string KeyOf(JsonObject node, string name) =>
        node.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) ?? name;
}
