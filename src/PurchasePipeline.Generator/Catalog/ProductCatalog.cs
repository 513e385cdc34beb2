using PurchasePipeline.Generator.Sampling;

namespace PurchasePipeline.Generator.Catalog;

/// <summary>The twelve electronics categories the shop sells, with realistic brands and cost ranges.</summary>
internal static class ProductCatalog
{
    public static IReadOnlyList<Category> Categories { get; } =
    [
        Category.Of("smartphones", 120, 1100, "Samsung", "Apple", "Xiaomi", "Google", "OnePlus", "Motorola"),
        Category.Of("laptops", 300, 2200, "Lenovo", "HP", "Dell", "Apple", "Asus", "Acer", "MSI"),
        Category.Of("tablets", 80, 1200, "Apple", "Samsung", "Lenovo", "Amazon", "Microsoft"),
        Category.Of("headphones", 15, 400, "Sony", "Apple", "Bose", "JBL", "Sennheiser", "Beats"),
        Category.Of("smartwatches", 50, 750, "Apple", "Samsung", "Garmin", "Fitbit", "Huawei"),
        Category.Of("televisions", 180, 2600, "Samsung", "LG", "Sony", "TCL", "Hisense", "Panasonic"),
        Category.Of("cameras", 150, 2500, "Canon", "Sony", "Nikon", "Fujifilm", "GoPro", "Panasonic"),
        Category.Of("gaming_consoles", 200, 550, "Sony", "Nintendo", "Microsoft", "Valve"),
        Category.Of("monitors", 90, 950, "Dell", "LG", "Samsung", "Asus", "BenQ", "Acer"),
        Category.Of("speakers", 25, 650, "JBL", "Bose", "Sonos", "Sony", "Marshall", "Ultimate Ears"),
        Category.Of("printers", 50, 450, "HP", "Canon", "Epson", "Brother"),
        Category.Of("accessories", 8, 180, "Logitech", "Anker", "Belkin", "Razer", "Corsair", "Samsung"),
    ];

    /// <summary>Phones and accessories sell most often, televisions and cameras least.</summary>
    public static WeightedChoice<Category> Popularity { get; } = WeightedChoice.Of(
        (Categories[0], 18), (Categories[1], 11), (Categories[2], 7), (Categories[3], 13),
        (Categories[4], 7), (Categories[5], 4), (Categories[6], 3), (Categories[7], 5),
        (Categories[8], 6), (Categories[9], 7), (Categories[10], 4), (Categories[11], 15));
}
