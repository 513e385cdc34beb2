using System.Security.Cryptography;
using System.Text;

namespace PurchasePipeline.Core.Tasks;

/// <summary>
/// The QuickSight ingestion id of a job run's refresh: derived from the run id, so a retried RefreshDataset
/// finds the ingestion its first attempt created instead of starting a second one.
/// </summary>
public static class IngestionIds
{
    /// <summary>QuickSight's limit on an ingestion id's length (pattern <c>^[a-zA-Z0-9-_]+$</c>, 1 to 128 characters).</summary>
    public const int MaxLength = 128;

    private const string Prefix = "pp-";
    private const int HashLength = 16;

    /// <summary>
    /// <c>pp-</c> + the job run id (Glue's jr_… ids are already allowed as they are). A run id with other
    /// characters, or too long, has them replaced by '-' and is cut, with a hash of the whole id appended so
    /// two different runs never share an ingestion.
    /// </summary>
    public static string ForJobRun(string jobRunId)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobRunId);
        var sanitised = string.Concat(jobRunId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        if (sanitised == jobRunId && Prefix.Length + sanitised.Length <= MaxLength)
        {
            return Prefix + sanitised;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jobRunId)))[..HashLength];
        var room = MaxLength - Prefix.Length - 1 - HashLength;
        return Prefix + sanitised[..Math.Min(room, sanitised.Length)] + "-" + hash;
    }
}
