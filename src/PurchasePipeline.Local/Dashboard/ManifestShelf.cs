using System.Text.Json;
using PurchasePipeline.Core.Runs;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>The run manifests under lake/manifests, read for the runs table and the row-count KPIs.</summary>
internal static class ManifestShelf
{
    /// <summary>Every readable manifest, and how many files could not be read as one.</summary>
    public static async Task<(IReadOnlyList<RunManifest> Manifests, int Unreadable)> ReadAllAsync(
        string folder,
        CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return ([], 0);
        }

        var manifests = new List<RunManifest>();
        var unreadable = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                manifests.Add(RunManifestJson.Deserialize(json));
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                // A dashboard is a report: a damaged manifest is counted on the page, not thrown.
                unreadable++;
            }
        }

        return (manifests, unreadable);
    }

    /// <summary>The newest runs first (ties broken by run id, so the order is stable).</summary>
    public static IReadOnlyList<RunRow> Recent(IEnumerable<RunManifest> manifests, int count) =>
    [
        .. manifests
            .OrderByDescending(m => m.CompletedAt)
            .ThenBy(m => m.RunId, StringComparer.Ordinal)
            .Take(count)
            .Select(m => new RunRow(
                m.RunId, m.StartedAt, m.CompletedAt, m.Files.Count,
                m.RowsIn, m.RowsClean, m.RowsRejected, m.RowsDeduplicated)),
    ];
}
