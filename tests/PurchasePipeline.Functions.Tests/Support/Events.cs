using System.Text.Json.Nodes;

namespace PurchasePipeline.Functions.Tests.Support;

/// <summary>The event payload fixtures under Events/: what each Task state's Parameters produce.</summary>
internal static class Events
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Events");

    /// <summary>Opens Events/<paramref name="name"/>.json (name may include a subfolder, e.g. Invalid/null).</summary>
    public static Stream Open(string name) => File.OpenRead(Path.Combine(Folder, name + ".json"));

    public static JsonObject Read(string name) => Json.ParseObject(File.ReadAllText(Path.Combine(Folder, name + ".json")));

    /// <summary>The well-formed fixtures (not under Invalid/), by file name without extension.</summary>
    public static IEnumerable<string> Valid() =>
        Directory.GetFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal);
}
