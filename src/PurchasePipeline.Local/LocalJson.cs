using System.Text.Json.Serialization;

namespace PurchasePipeline.Local;

/// <summary>Source-generated JSON for the local plane's own files (bookmarks, commit journals).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Etl.CommitJournal))]
[JsonSerializable(typeof(Core.Ports.CrawlerStatus))]
internal sealed partial class LocalJson : JsonSerializerContext;
