namespace PurchasePipeline.Generator.Catalog;

/// <summary>The device, operating system and browser of one browsing session.</summary>
internal readonly record struct DeviceProfile(string DeviceType, string Os, string Browser);
