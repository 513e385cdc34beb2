using System.Text.Json.Nodes;
using PurchasePipeline.Local.Executions;
using PurchasePipeline.Local.Lake;

namespace PurchasePipeline.EndToEnd.Tests.Support;

/// <summary>What another process does to a home while a command runs: land objects, wait for them to be handled.</summary>
internal static class Uploads
{
    /// <summary>Lands a file under the object's key the way an atomic uploader does: a temp name, then a rename.</summary>
    public static void Drop(LocalHome home, string file, string key)
    {
        var target = home.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target + ".tmp", overwrite: true);
        File.Move(target + ".tmp", target, overwrite: true);
    }

    /// <summary>
    /// Waits until each object has an execution that ended and was not aborted, and none runs (the executions store,
    /// as the trigger reads it; a watch killed after an execution ended never printed its line). The store is asked
    /// only once trigger/emitted.json names every object, so polling it does not keep the watch from its database.
    /// </summary>
    public static Task HandledAsync(LocalHome home, IEnumerable<string> keys, TimeSpan patience, Func<string> describe) =>
        Eventually.WaitForAsync(
            () =>
            {
                if (!keys.All(EmittedKeys(home).Contains))
                {
                    return null;
                }

                var handled = new ExecutionStore(home).HandledObjects();
                return keys.All(key => handled.Any(h => h.Key.Key == key)) && !handled.Values.Any(running => running) ? "handled" : null;
            },
            patience,
            describe);

    private static HashSet<string> EmittedKeys(LocalHome home)
    {
        try
        {
            var emitted = JsonNode.Parse(File.ReadAllText(Path.Combine(home.Root, "trigger", "emitted.json")))!.AsObject();
            return [.. emitted.Select(e => e.Key)];
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return [];
        }
    }
}
