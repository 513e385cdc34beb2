using System.Text.Json;
using System.Text.Json.Serialization;

namespace PurchasePipeline.Core.Runs;

/// <summary>
/// The manifest's file format: snake_case JSON (rows_in, rows_clean, …), the same names the Glue job
/// writes and the validation rules query as the run_manifests table. One object on one line, as Athena's
/// JSON SerDe reads it.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = false)]
[JsonSerializable(typeof(RunManifest))]
public sealed partial class RunManifestJson : JsonSerializerContext
{
    /// <summary>The manifest as JSON text.</summary>
    public static string Serialize(RunManifest manifest) => JsonSerializer.Serialize(manifest, Default.RunManifest);

    /// <summary>A manifest read back from JSON text.</summary>
    /// <exception cref="JsonException">The text is not a manifest.</exception>
    public static RunManifest Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Default.RunManifest) ?? throw new JsonException("manifest is null");

    /// <summary>A manifest read back from the object or file <paramref name="source"/> names.</summary>
    /// <exception cref="InvalidDataException">The text is not a manifest; the one-line message names the source and what is wrong.</exception>
    public static RunManifest Deserialize(string json, string source)
    {
        try
        {
            return Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a run manifest: {e.Message.ReplaceLineEndings(" ")}", e);
        }
    }
}
