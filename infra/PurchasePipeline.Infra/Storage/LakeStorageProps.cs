namespace PurchasePipeline.Infra.Storage;

public sealed class LakeStorageProps
{
    /// <summary>Days before _staging/ and athena-results/ objects expire.</summary>
    public required int ScratchRetentionDays { get; init; }

    /// <summary>Days an overwritten or deleted object's previous version is kept.</summary>
    public required int NoncurrentVersionDays { get; init; }
}
