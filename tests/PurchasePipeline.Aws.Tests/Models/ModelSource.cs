namespace PurchasePipeline.Aws.Tests.Models;

/// <summary>Where an AWS service model comes from; each is trusted for what it has.</summary>
public enum ModelSource
{
    /// <summary>Debian's python3-botocore (1.29.27, December 2022): full constraints (enums, patterns, min/max) and errors, but no members added since.</summary>
    Botocore,

    /// <summary>npm aws-sdk 2.1693.0 (apis/*.min.json): the current members, required lists, types and protocol metadata; no enums (its clients/*.d.ts list them), patterns, min/max, errors or docs.</summary>
    AwsSdk,
}
