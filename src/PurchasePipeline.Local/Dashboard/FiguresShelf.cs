using System.Text.Json;
using PurchasePipeline.Core.Runs;
using PurchasePipeline.Local.Etl;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.Local.Dashboard;

/// <summary>
/// The figures files under dashboard/figures, one per committed run. Bringing the shelf up to date works out the
/// figures of the runs whose manifest has none yet (normally the one run that just committed; every run of a home
/// written before figures existed) and reads the others as they are: the lake is not read again.
/// </summary>
internal static class FiguresShelf
{
    /// <summary>The folder of a home's figures files.</summary>
    public static string FolderOf(LocalHome home) => Path.Combine(Path.GetDirectoryName(home.Dashboard)!, "figures");

    /// <summary>Every run's figures, oldest first, and how many manifests could not be read.</summary>
    public static async Task<(IReadOnlyList<RunFigures> Runs, int UnreadableManifests)> UpdateAsync(LocalHome home, CancellationToken cancellationToken)
    {
        var folder = FolderOf(home);
        var manifests = Directory.Exists(home.Manifests) ? Directory.GetFiles(home.Manifests, "*.json") : [];
        // Figures follow the lake: a run whose manifest is gone (a deleted lake) no longer counts.
        var committed = manifests.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        var known = (await ReadAllAsync(folder, cancellationToken).ConfigureAwait(false))
            .Where(r => committed.Contains(r.Key))
            .ToDictionary(StringComparer.Ordinal);
        var pending = new List<RunManifest>();
        var unreadable = 0;
        foreach (var file in manifests.Order(StringComparer.Ordinal))
        {
            if (known.ContainsKey(Path.GetFileNameWithoutExtension(file)))
            {
                continue;
            }

            try
            {
                var json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
                pending.Add(RunManifestJson.Deserialize(json));
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                // A dashboard is a report: a damaged manifest is counted on the page, not thrown.
                unreadable++;
            }
        }

        // Figures are worked out in the order the runs committed (a shelf's files were all committed before the runs it
        // lacks), so the keys on the shelf are the keys read before.
        var readBefore = known.Values.SelectMany(r => r.Objects.Select(o => o.Key)).ToHashSet(StringComparer.Ordinal);
        foreach (var manifest in pending.OrderBy(m => m.CompletedAt).ThenBy(m => m.RunId, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var figures = RunFiguresReader.Read(home, manifest, readBefore);
            await AtomicFile.WriteAllTextAsync(Path.Combine(folder, manifest.RunId + ".json"), RunFiguresJson.Serialize(figures), cancellationToken)
                .ConfigureAwait(false);
            known[manifest.RunId] = figures;
            readBefore.UnionWith(figures.Objects.Select(o => o.Key));
        }

        return ([.. Ordered(known.Values)], unreadable);
    }

    private static IEnumerable<RunFigures> Ordered(IEnumerable<RunFigures> runs) =>
        runs.OrderBy(r => r.CompletedAt).ThenBy(r => r.RunId, StringComparer.Ordinal);

    /// <summary>The readable figures files; a damaged one is left out, so its run's figures are worked out again.</summary>
    private static async Task<Dictionary<string, RunFigures>> ReadAllAsync(string folder, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, RunFigures>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return runs;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            try
            {
                var figures = RunFiguresJson.Deserialize(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false));
                runs[figures.RunId] = figures;
            }
            catch (JsonException)
            {
            }
        }

        return runs;
    }
}
