//! Issue 3: platform exports as they come, detected from their headers, and SKU mapping.

use crate::util::Env;

/// One real export: the kind to import it as, extra flags, the profile detection must pick,
/// rows read, and rows written (new).
struct RealFile {
    path: &'static str,
    kind: &'static str,
    flags: &'static [&'static str],
    profile: &'static str,
    read: u64,
    new: u64,
}

const REAL_FILES: &[RealFile] = &[
    RealFile {
        path: "shopify/product_template_2019.csv",
        kind: "catalog",
        flags: &["--currency", "USD"],
        profile: "shopify-products",
        read: 3,
        new: 3,
    },
    RealFile {
        path: "shopify/product_template_2026_new_headers.csv",
        kind: "catalog",
        flags: &["--currency", "USD"],
        profile: "shopify-products-2024",
        read: 15,
        new: 15,
    },
    RealFile {
        path: "shopify/products_export_pl_store_2026.csv",
        kind: "catalog",
        flags: &["--currency", "PLN"],
        profile: "shopify-products",
        read: 456,
        new: 456,
    },
    RealFile {
        path: "shopify/orders_export_devstore_2025_eur.csv",
        kind: "sales",
        flags: &[],
        profile: "shopify-orders",
        read: 40,
        new: 40,
    },
    RealFile {
        path: "shopify/inventory_export_2026.csv",
        kind: "stock",
        flags: &[],
        profile: "shopify-inventory",
        read: 29,
        new: 29,
    },
    RealFile {
        path: "woocommerce/sample_products.csv",
        kind: "catalog",
        flags: &["--currency", "USD"],
        profile: "woocommerce-products",
        read: 25,
        new: 22,
    },
    RealFile {
        path: "prestashop/products_import.csv",
        kind: "catalog",
        flags: &["--currency", "EUR"],
        profile: "prestashop-products",
        read: 7,
        new: 7,
    },
    RealFile {
        path: "prestashop/combinations_import.csv",
        kind: "catalog",
        flags: &[],
        profile: "prestashop-combinations",
        read: 27,
        new: 25,
    },
    RealFile {
        path: "etsy/EtsyListingsDownload_usd.csv",
        kind: "catalog",
        flags: &[],
        profile: "etsy-listings",
        read: 14,
        new: 28,
    },
    RealFile {
        path: "etsy/EtsyListingsDownload_aud.csv",
        kind: "catalog",
        flags: &[],
        profile: "etsy-listings",
        read: 26,
        new: 26,
    },
    RealFile {
        path: "google-merchant-center/products_feed.csv",
        kind: "catalog",
        flags: &[],
        profile: "google-merchant-feed",
        read: 57,
        new: 57,
    },
    RealFile {
        path: "tiendanube/productos2_cp1252.csv",
        kind: "catalog",
        flags: &["--currency", "ARS"],
        profile: "tiendanube-products",
        read: 80,
        new: 80,
    },
    RealFile {
        path: "ebay/orders_report_masked_rows.csv",
        kind: "sales",
        flags: &["--currency", "USD"],
        profile: "ebay-orders",
        read: 224,
        new: 223,
    },
];

#[test]
fn every_real_export_imports_by_detection() {
    for f in REAL_FILES {
        let env = Env::new();
        env.init();
        let path = env.fixture(&format!("real/{}", f.path));
        let mut args = vec!["-v", "import", f.kind, path.to_str().unwrap()];
        args.extend(f.flags);
        let run = env.omni(&args).ok();
        assert!(
            run.stderr.contains(&format!("profile {} (", f.profile)),
            "{}: {}",
            f.path,
            run.stderr
        );
        let summary = format!("{} rows read, {} new", f.read, f.new);
        assert!(
            run.stderr.contains(&summary),
            "{}: expected {summary}:\n{}",
            f.path,
            run.stderr
        );
    }
}

fn imported(file: &str, kind: &str, flags: &[&str]) -> Env {
    let env = Env::new();
    env.init();
    let path = env.fixture(&format!("real/{file}"));
    let mut args = vec!["import", kind, path.to_str().unwrap()];
    args.extend(flags);
    env.omni(&args).ok();
    env
}

#[test]
fn shopify_products_fill_continuation_rows_and_key_variants_without_sku() {
    let env = imported(
        "shopify/product_template_2019.csv",
        "catalog",
        &["--currency", "USD"],
    );
    assert_eq!(
        env.query("SELECT channel_sku, sku, title, price, currency FROM listings WHERE sku IS NOT NULL ORDER BY id"),
        "channel_sku,sku,title,price,currency\n\
         example-shirt-s,example-shirt-s,Example T-Shirt,1999,USD\n\
         example-shirt-m,example-shirt-m,Example T-Shirt,1999,USD\n"
    );
    // The first variant has no SKU: handle and option value are its key.
    assert_eq!(
        env.scalar("SELECT channel_sku || ' ' || price FROM listings WHERE sku IS NULL"),
        "example-t-shirt/Lithograph - Height: 9\" x Width: 12\" 2500"
    );
    assert_eq!(
        env.scalar("SELECT kind || '/' || platform FROM channels WHERE name = 'shopify'"),
        "web/shopify"
    );
}

#[test]
fn shopify_2024_headers_drop_damaged_barcodes_with_a_warning() {
    let env = Env::new();
    env.init();
    let path = env.fixture("real/shopify/product_template_2026_new_headers.csv");
    let run = env
        .omni(&[
            "import",
            "catalog",
            "--currency",
            "USD",
            path.to_str().unwrap(),
        ])
        .ok();
    assert!(
        run.stderr
            .contains(":2:11: Barcode \"5784397765\" has 10 digits"),
        "{}",
        run.stderr
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM listings WHERE barcode IS NOT NULL"),
        "0"
    );
    assert_eq!(env.scalar("SELECT quantity || ' ' || price || ' ' || status FROM listings WHERE sku = 'TheBandTShirt-SG'"), "47 1999 active");
}

#[test]
fn shopify_orders_keep_offsets_and_order_totals() {
    let env = imported("shopify/orders_export_devstore_2025_eur.csv", "sales", &[]);
    assert_eq!(env.scalar("SELECT count(*) FROM orders"), "19");
    assert_eq!(
        env.scalar(
            "SELECT o.ordered_at || ' ' || o.utc_offset || ' ' || o.currency || ' ' || sum(l.quantity * l.unit_price)
             FROM orders o JOIN order_lines l ON l.order_ref = o.id WHERE o.order_id = '#1001'"
        ),
        "2025-05-11T13:55:16Z -04:00 EUR 165995"
    );
    // A gift card line has no SKU: it is known by its name.
    assert_eq!(
        env.scalar("SELECT count(*) FROM order_lines WHERE sku = 'Gift Card - $10'"),
        "7"
    );
}

#[test]
fn shopify_inventory_is_stock_per_location() {
    let env = imported("shopify/inventory_export_2026.csv", "stock", &[]);
    assert_eq!(
        env.scalar("SELECT count(*) || ' ' || sum(on_hand) FROM stock_levels"),
        "29 26"
    );
    assert_eq!(
        env.scalar("SELECT name FROM locations"),
        "Rua de Santos Pousada 272"
    );
    assert_eq!(
        env.scalar("SELECT on_hand FROM stock_levels WHERE sku = 'topaz-ring'"),
        "1"
    );
}

#[test]
fn ebay_orders_skip_the_preamble_footer_and_duplicate_row() {
    let env = imported(
        "ebay/orders_report_masked_rows.csv",
        "sales",
        &["--currency", "USD"],
    );
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines"), "223");
    assert_eq!(
        env.scalar("SELECT l.unit_price || ' ' || l.currency || ' ' || l.ordered_at FROM order_lines l JOIN orders o ON o.id = l.order_ref WHERE o.order_id = '16-10227-18884'"),
        "5776 USD 2023-06-27T22:00:00Z"
    );
    // Masked buyer names (--) are no name at all.
    assert_eq!(
        env.scalar("SELECT count(*) FROM customer_records WHERE name = '--' OR phone = '--'"),
        "0"
    );
}

#[test]
fn etsy_splits_the_sku_list_into_listings() {
    let env = imported("etsy/EtsyListingsDownload_usd.csv", "catalog", &[]);
    assert_eq!(env.scalar("SELECT count(*) FROM listings"), "28");
    assert_eq!(
        env.scalar("SELECT price || ' ' || currency FROM listings WHERE sku = 'Vanilla-V2'"),
        "2795 USD"
    );
    // With several SKUs on one listing the per-variant quantity is unknown.
    assert_eq!(
        env.scalar("SELECT count(*) FROM listings WHERE quantity IS NULL"),
        "22"
    );
}

#[test]
fn tiendanube_windows_1252_semicolons_and_decimal_comma() {
    let env = imported(
        "tiendanube/productos2_cp1252.csv",
        "catalog",
        &["--currency", "ARS"],
    );
    assert_eq!(env.scalar("SELECT count(*) FROM listings"), "80");
    assert_eq!(
        env.scalar(
            "SELECT title || ' ' || price || ' ' || currency FROM listings WHERE sku = '1013767'"
        ),
        "Salero Parrillero Acero 100000 ARS"
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM listings WHERE title = 'Plato Café Porcelana Germer'"),
        "1"
    );
}

#[test]
fn google_feed_prices_carry_their_currency() {
    let env = imported("google-merchant-center/products_feed.csv", "catalog", &[]);
    assert_eq!(
        env.scalar("SELECT count(DISTINCT currency) || ' ' || min(currency) FROM listings"),
        "1 USD"
    );
    assert_eq!(
        env.scalar("SELECT count(*) FROM listings WHERE status = 'in stock'"),
        "57"
    );
}

#[test]
fn the_same_catalogue_on_two_platforms_maps_to_the_same_master_skus() {
    let env = Env::new();
    env.init();
    let master = env.write(
        "master.csv",
        "sku,title,barcode,price,currency\nALP-001,Alpargata clásica,8412345678905,34.90,EUR\nALP-002,Bolso de yute,4006381333931,19.90,EUR\nALP-003,Cuenco cerámica azul,,59.00,EUR\n",
    );
    env.omni(&["import", "catalog", master.to_str().unwrap()])
        .ok();
    // Shopify: one SKU in another case, one only by barcode, one unknown, one blank SKU.
    let shopify = env.write(
        "products_export.csv",
        "Handle,Title,Option1 Value,Variant SKU,Variant Price,Variant Barcode\n\
         alpargata,Alpargata clásica,Default Title,alp-001,34.90,8412345678905\n\
         bolso,Bolso yute,Default Title,SHOP-BOLSO,19.90,4006381333931\n\
         gafas,Gafas de sol,Default Title,SHOP-GAFAS,15.00,\n\
         cuenco,Cuenco cerámica azul,Default Title,,59.00,\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--currency",
        "EUR",
        shopify.to_str().unwrap(),
    ])
    .ok();
    // WooCommerce (Spanish headers, decimal comma): the same products by SKU.
    let woo = env.write(
        "woo.csv",
        "ID,Tipo,SKU,Nombre,Publicado,Inventario,Precio normal\n11,simple,ALP-001,Alpargata clásica,1,5,\"34,90\"\n12,simple,ALP-002,Bolso de yute,1,2,\"19,90\"\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--currency",
        "EUR",
        woo.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        env.query(
            "SELECT c.name, l.channel_sku, p.sku, l.mapped_by FROM listings l JOIN channels c ON c.id = l.channel_id
             LEFT JOIN products p ON p.id = l.product_id ORDER BY c.name, l.channel_sku"
        ),
        "name,channel_sku,sku,mapped_by\n\
         shopify,alp-001,ALP-001,sku\n\
         shopify,cuenco,,\n\
         shopify,SHOP-BOLSO,ALP-002,barcode\n\
         shopify,SHOP-GAFAS,,\n\
         woocommerce,11,ALP-001,sku\n\
         woocommerce,12,ALP-002,sku\n"
    );
    let unmapped = env.omni(&["skus", "unmapped"]).ok().csv();
    assert_eq!(unmapped.len(), 3, "{unmapped:?}");
    assert_eq!(unmapped[1][..2], ["shopify", "cuenco"]);
    assert_eq!(unmapped[1][5], "ALP-003", "the candidate by title");
    assert!(
        unmapped[1][6].contains("no SKU in the export; title similarity 1.00"),
        "{}",
        unmapped[1][6]
    );
    assert_eq!(unmapped[2][..2], ["shopify", "SHOP-GAFAS"]);
    assert_eq!(unmapped[2][5], "");
    // A human mapping links the rest and wins over any match.
    let map = env.write(
        "map.csv",
        "channel,channel_sku,sku\nshopify,cuenco,ALP-003\n",
    );
    let run = env.omni(&["skus", "map", map.to_str().unwrap()]).ok();
    run.says("1 listings still map to no master SKU");
    assert_eq!(env.scalar("SELECT p.sku || ' ' || l.mapped_by FROM listings l JOIN products p ON p.id = l.product_id WHERE l.channel_sku = 'cuenco'"), "ALP-003 alias");
    let list = env.omni(&["skus", "list", "--sku", "ALP-00%"]).ok().csv();
    assert_eq!(
        list[0],
        [
            "sku",
            "title",
            "channel",
            "channel_sku",
            "price",
            "currency",
            "quantity",
            "status",
            "mapped_by"
        ]
    );
    assert_eq!(list.len(), 1 + 5, "{list:?}");
    assert_eq!(
        list[1][..5],
        [
            "ALP-001",
            "Alpargata clásica",
            "shopify",
            "alp-001",
            "34.90"
        ]
    );
}

#[test]
fn an_ambiguous_barcode_links_nothing() {
    let env = Env::new();
    env.init();
    let master = env.write(
        "m.csv",
        "sku,title,barcode\nA,Uno,8412345678905\nB,Dos,8412345678905\n",
    );
    env.omni(&["import", "catalog", master.to_str().unwrap()])
        .ok();
    let listing = env.write(
        "l.csv",
        "sku,title,barcode,channel_sku\nX,Uno,8412345678905,X\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "amazon-es",
        listing.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        env.scalar("SELECT count(*) FROM listings WHERE product_id IS NULL"),
        "1"
    );
    let unmapped = env.omni(&["skus", "unmapped"]).ok().csv();
    assert!(
        unmapped[1][6].contains("belongs to 2 products (A, B)"),
        "{:?}",
        unmapped[1]
    );
}

#[test]
fn channel_catalogues_create_master_products_only_when_asked() {
    let env = Env::new();
    env.init();
    let f = env.write(
        "amz.csv",
        "sku,title,price,currency\nZ-1,Zapato,10.00,EUR\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "amazon-es",
        f.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(env.scalar("SELECT count(*) FROM products"), "0");
    let g = env.write(
        "amz2.csv",
        "sku,title,price,currency\nZ-1,Zapato,10.00,EUR\nZ-2,Zueco,12.00,EUR\n",
    );
    env.omni(&[
        "import",
        "catalog",
        "--channel",
        "amazon-es",
        "--create-products",
        g.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(env.scalar("SELECT count(*) FROM products"), "2");
    assert_eq!(
        env.scalar("SELECT count(*) FROM listings WHERE mapped_by = 'sku'"),
        "2"
    );
}

#[test]
fn an_unknown_shape_names_the_closest_profile_and_a_mapping_imports_it() {
    let env = Env::new();
    env.init();
    let odd = env.write(
        "odd.csv",
        "Pedido;Fecha pedido;Referencia;Uds.;Importe unidad\nP-1;31/12/2025;ALP-001;2;12,50\nP-2;02/01/2026;ALP-002;1;9,90\n",
    );
    let run = env
        .omni(&["import", "sales", "--channel", "web", odd.to_str().unwrap()])
        .fails_with(1, "matches a sales export omni knows");
    run.says("--map FILE.toml");
    let rows_like_sales = env.write("near.csv", "order_id,sku,quantity\n1,A,1\n");
    env.omni(&[
        "import",
        "sales",
        "--channel",
        "web",
        rows_like_sales.to_str().unwrap(),
    ])
    .fails_with(1, "missing required columns ordered_at, unit_price");
    let shopify_products = env.fixture("real/shopify/product_template_2019.csv");
    env.omni(&["import", "sales", shopify_products.to_str().unwrap()])
        .fails_with(1, "has the columns of the shopify catalog export (profile shopify-products), not sales: import it with `omni import catalog`");
    let template = env.omni(&["formats", "--template", "sales"]).ok().stdout;
    assert!(
        template.contains("unit_price = \"Unit Price\"   # required"),
        "{template}"
    );
    let map = env.write(
        "odd.toml",
        "kind = \"sales\"\nname = \"erp-pedidos\"\n[columns]\norder_id = \"Pedido\"\nordered_at = \"Fecha pedido\"\nsku = \"Referencia\"\nquantity = \"Uds.\"\nunit_price = \"Importe unidad\"\n",
    );
    env.omni(&[
        "import",
        "sales",
        "--channel",
        "web",
        "--currency",
        "EUR",
        "--map",
        map.to_str().unwrap(),
        odd.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        env.query("SELECT sku, quantity, unit_price, ordered_at FROM order_lines ORDER BY id"),
        "sku,quantity,unit_price,ordered_at\nALP-001,2,1250,2025-12-30T23:00:00Z\nALP-002,1,990,2026-01-01T23:00:00Z\n"
    );
    assert_eq!(env.scalar("SELECT profile FROM batches"), "erp-pedidos");
    let bad_map = env.write("bad.toml", "[columns]\norder = \"Pedido\"\n");
    env.omni(&[
        "import",
        "sales",
        "--map",
        bad_map.to_str().unwrap(),
        odd.to_str().unwrap(),
    ])
    .fails_with(1, "\"order\" is not a sales field");
}

#[test]
fn formats_lists_every_platform() {
    let env = Env::new();
    let rows = env.omni(&["formats"]).ok().csv();
    let names: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    for p in [
        "shopify-products",
        "shopify-products-2024",
        "shopify-orders",
        "shopify-inventory",
        "shopify-customers",
        "woocommerce-products",
        "woocommerce-orders",
        "amazon-orders",
        "amazon-listings",
        "amazon-fba-inventory",
        "ebay-orders",
        "ebay-listings",
        "ebay-file-exchange",
        "etsy-listings",
        "etsy-order-items",
        "square-items",
        "square-stock",
        "square-item-sales",
        "google-merchant-feed",
        "prestashop-products",
        "prestashop-combinations",
        "prestashop-customers",
        "prestashop-addresses",
        "tiendanube-products",
        "tiendanube-sales",
        "mercadolibre-listings",
        "mercadolibre-sales",
    ] {
        assert!(
            names.contains(&p),
            "{p} missing from omni formats: {names:?}"
        );
    }
    let sales = env.omni(&["formats", "--kind", "stock"]).ok().csv();
    assert!(sales[1..].iter().all(|r| r[2] == "stock"));
}

#[test]
fn stock_can_set_or_adjust() {
    let env = Env::new();
    env.init();
    env.omni(&["channels", "add", "web", "--kind", "web"]).ok();
    env.omni(&["locations", "add", "madrid", "--feeds", "web"])
        .ok();
    let count = env.write(
        "count.csv",
        "sku,location,on_hand,as_of\nA,madrid,10,2025-03-01T08:00:00Z\n",
    );
    env.omni(&["import", "stock", "--set", count.to_str().unwrap()])
        .ok();
    let sale = env.write("sale.csv", "order_id,channel,ordered_at,sku,quantity,unit_price,currency\n1,web,2025-03-01T12:00:00Z,A,3,1.00,EUR\n");
    env.omni(&["import", "sales", sale.to_str().unwrap()]).ok();
    let delivery = env.write(
        "delivery.csv",
        "sku,location,on_hand,as_of\nA,madrid,5,2025-03-02T08:00:00Z\n",
    );
    env.omni(&["import", "stock", "--adjust", delivery.to_str().unwrap()])
        .ok();
    // An overlapping file with the same change and one more does not apply it twice.
    let again = env.write("delivery2.csv", "sku,location,on_hand,as_of\nA,madrid,5,2025-03-02T08:00:00Z\nB,madrid,3,2025-03-02T08:00:00Z\n");
    env.omni(&["import", "stock", "--adjust", again.to_str().unwrap()])
        .ok();
    assert_eq!(
        env.query("SELECT sku, quantity, at FROM stock_movements ORDER BY sku"),
        "sku,quantity,at\nA,5,2025-03-02T08:00:00Z\nB,3,2025-03-02T08:00:00Z\n"
    );
    // 10 counted − 3 sold after the count + 5 delivered = 12; B: a delivery with no count = 3.
    let explain = env
        .omni(&["reconcile", "explain", "A", "--channel", "web"])
        .ok()
        .csv();
    assert_eq!(explain.iter().find(|r| r[1] == "pool").unwrap()[2], "12");
    let explain = env
        .omni(&["reconcile", "explain", "B", "--channel", "web"])
        .ok()
        .csv();
    assert_eq!(explain.iter().find(|r| r[1] == "pool").unwrap()[2], "3");
    env.omni(&["import", "sales", "--adjust", delivery.to_str().unwrap()])
        .fails_with(2, "--adjust applies to stock imports only");
}

#[test]
fn relay_emails_are_flagged_and_placeholders_are_empty() {
    let env = Env::new();
    env.init();
    let f = env.write(
        "s.csv",
        "order_id,channel,ordered_at,sku,quantity,unit_price,currency,customer_email,customer_name,customer_phone\n\
         1,amazon-es,2025-01-01,A,1,1.00,EUR,k2x8vq1lz3@marketplace.amazon.es,Ana Ruiz,--\n\
         2,web,2025-01-01,A,1,1.00,EUR,ana@example.com,Ana Ruiz,'+34612345678\n",
    );
    env.omni(&["import", "sales", f.to_str().unwrap()]).ok();
    assert_eq!(
        env.query("SELECT email, phone, email_relay FROM customer_records ORDER BY id"),
        "email,phone,email_relay\nk2x8vq1lz3@marketplace.amazon.es,,1\nana@example.com,+34612345678,0\n"
    );
}

/// A Shopify orders export (the real 79-column header) with a refunded order, a partial
/// refund and a cancellation; then a later export that overlaps it.
fn shopify_orders(rows: &[[&str; 8]]) -> String {
    let header = std::fs::read_to_string(crate::util::fixture(
        "real/shopify/orders_export_devstore_2025_eur.csv",
    ))
    .unwrap()
    .lines()
    .next()
    .unwrap()
    .to_string();
    let cols: Vec<&str> = header.split(',').collect();
    let at = |name: &str| cols.iter().position(|c| *c == name).unwrap();
    let mut out = header.clone();
    out.push('\n');
    for r in rows {
        // [Name, Financial Status, Created at, Lineitem quantity, Lineitem name, Lineitem price, Lineitem sku, Cancelled at]
        let mut fields = vec![String::new(); cols.len()];
        fields[at("Name")] = r[0].into();
        fields[at("Financial Status")] = r[1].into();
        fields[at("Currency")] = if r[1].is_empty() {
            String::new()
        } else {
            "EUR".into()
        };
        fields[at("Created at")] = r[2].into();
        fields[at("Lineitem quantity")] = r[3].into();
        fields[at("Lineitem name")] = r[4].into();
        fields[at("Lineitem price")] = r[5].into();
        fields[at("Lineitem sku")] = r[6].into();
        fields[at("Cancelled at")] = r[7].into();
        if r[1] == "partially_refunded" {
            fields[at("Refunded Amount")] = "5.00".into();
        }
        out.push_str(&fields.join(","));
        out.push('\n');
    }
    out
}

#[test]
fn shopify_orders_twice_then_an_overlapping_export_with_refunds_as_returns() {
    let env = Env::new();
    env.init();
    let first = env.write(
        "orders_export_1.csv",
        shopify_orders(&[
            [
                "#2001",
                "paid",
                "2025-06-01 10:00:00 +0200",
                "2",
                "Alpargata",
                "20.00",
                "ALP-1",
                "",
            ],
            [
                "#2001",
                "",
                "2025-06-01 10:00:00 +0200",
                "1",
                "Bolso",
                "15.00",
                "BOL-1",
                "",
            ],
            [
                "#2002",
                "refunded",
                "2025-06-02 11:00:00 +0200",
                "1",
                "Alpargata",
                "20.00",
                "ALP-1",
                "",
            ],
            [
                "#2003",
                "partially_refunded",
                "2025-06-03 12:00:00 +0200",
                "1",
                "Bolso",
                "15.00",
                "BOL-1",
                "",
            ],
            [
                "#2004",
                "voided",
                "2025-06-04 09:00:00 +0200",
                "3",
                "Cuenco",
                "9.00",
                "CUE-1",
                "2025-06-04 18:00:00 +0200",
            ],
        ]),
    );
    for _ in 0..2 {
        env.omni(&["import", "sales", first.to_str().unwrap()]).ok();
    }
    let counts = || {
        env.scalar("SELECT (SELECT count(*) FROM orders) || ' ' || (SELECT count(*) FROM order_lines) || ' ' || (SELECT count(*) FROM order_lines WHERE quantity < 0)")
    };
    // 4 orders; 5 sold lines, and the refunded and cancelled orders' lines back as returns.
    assert_eq!(counts(), "4 7 2");
    assert_eq!(
        env.query("SELECT o.order_id, l.line_id, l.quantity, l.ordered_at, l.status FROM order_lines l JOIN orders o ON o.id = l.order_ref WHERE l.quantity < 0 ORDER BY l.id"),
        "order_id,line_id,quantity,ordered_at,status\n#2002,1-return,-1,2025-06-02T09:00:00Z,returned\n#2004,1-return,-3,2025-06-04T16:00:00Z,cancelled\n"
    );
    assert_eq!(
        env.scalar("SELECT refunded FROM orders WHERE order_id = '#2003'"),
        "500"
    );
    assert_eq!(
        env.scalar("SELECT sum(quantity) FROM order_lines WHERE quantity > 0"),
        "8",
        "sales are not reduced by refunds"
    );
    // A later export: #2003 and #2004 again, #2001 now refunded, and a new order.
    let later = env.write(
        "orders_export_2.csv",
        shopify_orders(&[
            [
                "#2001",
                "refunded",
                "2025-06-01 10:00:00 +0200",
                "2",
                "Alpargata",
                "20.00",
                "ALP-1",
                "",
            ],
            [
                "#2001",
                "",
                "2025-06-01 10:00:00 +0200",
                "1",
                "Bolso",
                "15.00",
                "BOL-1",
                "",
            ],
            [
                "#2003",
                "partially_refunded",
                "2025-06-03 12:00:00 +0200",
                "1",
                "Bolso",
                "15.00",
                "BOL-1",
                "",
            ],
            [
                "#2004",
                "voided",
                "2025-06-04 09:00:00 +0200",
                "3",
                "Cuenco",
                "9.00",
                "CUE-1",
                "2025-06-04 18:00:00 +0200",
            ],
            [
                "#2005",
                "paid",
                "2025-06-05 08:00:00 +0200",
                "1",
                "Cuenco",
                "9.00",
                "CUE-1",
                "",
            ],
        ]),
    );
    let run = env.omni(&["import", "sales", later.to_str().unwrap()]).ok();
    // New: #2001's two returns and #2005's line; #2001's two lines now say refunded.
    assert!(
        run.stderr
            .contains("5 rows read, 3 new, 2 updated, 3 unchanged"),
        "{}",
        run.stderr
    );
    assert_eq!(counts(), "5 10 4");
    assert_eq!(
        env.scalar("SELECT status FROM orders WHERE order_id = '#2001'"),
        "refunded"
    );
}

/// Exports with no public sample, written from FORMATS.md (fixtures/platforms/*/EXPECTED.md).
#[test]
fn documented_exports_import_by_detection() {
    let cases: &[(&str, &str, &[&str], &str, &str)] = &[
        (
            "amazon/All_Orders_report.txt",
            "sales",
            &["--currency", "EUR"],
            "amazon-orders",
            "8 rows read, 7 new",
        ),
        (
            "amazon/Active_Listings_report.txt",
            "catalog",
            &["--currency", "EUR"],
            "amazon-listings",
            "8 rows read, 8 new",
        ),
        (
            "amazon/FBA_inventory.txt",
            "stock",
            &[],
            "amazon-fba-inventory",
            "5 rows read",
        ),
        (
            "ebay/active_listings.csv",
            "catalog",
            &[],
            "ebay-listings",
            "6 rows read",
        ),
        (
            "ebay/file_exchange_revise.csv",
            "catalog",
            &["--currency", "EUR"],
            "ebay-file-exchange",
            "6 rows read",
        ),
        (
            "etsy/EtsySoldOrders2025.csv",
            "customers",
            &[],
            "etsy-orders-buyers",
            "5 rows read",
        ),
        (
            "etsy/EtsySoldOrderItems2025.csv",
            "sales",
            &[],
            "etsy-order-items",
            "7 rows read, 7 new",
        ),
        (
            "etsy/EtsyListingsDownload_it.csv",
            "catalog",
            &[],
            "etsy-listings",
            "5 rows read, 11 new",
        ),
        (
            "square/catalog-2025-06-01-1200.csv",
            "catalog",
            &["--currency", "USD"],
            "square-items",
            "8 rows read",
        ),
        (
            "square/catalog-2025-06-01-1200.csv",
            "stock",
            &[],
            "square-stock",
            "8 rows read, 11 new",
        ),
        (
            "mercadolibre/publicaciones.csv",
            "catalog",
            &["--currency", "ARS"],
            "mercadolibre-listings",
            "6 rows read",
        ),
        (
            "mercadolibre/ventas.csv",
            "sales",
            &[],
            "mercadolibre-sales",
            "7 rows read, 7 new",
        ),
        (
            "woocommerce/productos_es.csv",
            "catalog",
            &["--currency", "EUR"],
            "woocommerce-products",
            "11 rows read, 8 new",
        ),
        (
            "woocommerce/orders_analytics.csv",
            "sales",
            &["--currency", "EUR"],
            "woocommerce-orders",
            "8 rows read, 8 new",
        ),
        (
            "shopify/customers_export.csv",
            "customers",
            &[],
            "shopify-customers",
            "7 rows read, 7 new",
        ),
        (
            "prestashop/customers_import.csv",
            "customers",
            &[],
            "prestashop-customers",
            "6 rows read, 6 new",
        ),
        (
            "prestashop/addresses_import.csv",
            "customers",
            &[],
            "prestashop-addresses",
            "7 rows read, 6 new, 1 updated",
        ),
        (
            "tiendanube/ventas.csv",
            "sales",
            &["--currency", "ARS"],
            "tiendanube-sales",
            "8 rows read, 8 new",
        ),
    ];
    for (file, kind, flags, profile, summary) in cases {
        let env = Env::new();
        env.init();
        let path = env.fixture(&format!("platforms/{file}"));
        let mut args = vec!["-v", "import", kind, path.to_str().unwrap()];
        args.extend(*flags);
        let run = env.omni(&args).ok();
        assert!(
            run.stderr.contains(&format!("profile {profile} (")),
            "{file}: {}",
            run.stderr
        );
        assert!(
            run.stderr.contains(summary),
            "{file}: expected {summary}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn documented_exports_spot_checks() {
    let env = Env::new();
    env.init();
    let import = |kind: &str, file: &str, flags: &[&str]| {
        let path = env.fixture(&format!("platforms/{file}"));
        let mut args = vec!["import", kind, path.to_str().unwrap()];
        args.extend(flags);
        env.omni(&args).ok();
    };
    // Amazon: item-price is the line total; a cancelled line stays with quantity 0; the
    // pending order without a price waits for the next report.
    import(
        "sales",
        "amazon/All_Orders_report.txt",
        &["--currency", "EUR"],
    );
    assert_eq!(env.scalar("SELECT quantity || ' × ' || unit_price FROM order_lines WHERE sku = 'ALP-AZ-38' AND quantity = 3"), "3 × 2490");
    assert_eq!(
        env.scalar("SELECT quantity || ' ' || status FROM order_lines WHERE sku = 'ALP-VD-41'"),
        "0 cancelled"
    );
    // Tiendanube: Windows-1252, continuation rows take the order's date and customer.
    import("sales", "tiendanube/ventas.csv", &["--currency", "ARS"]);
    assert_eq!(
        env.query("SELECT l.sku, l.quantity, l.unit_price FROM order_lines l JOIN orders o ON o.id = l.order_ref WHERE o.order_id = '1046' ORDER BY l.id"),
        "sku,quantity,unit_price\nALP-AZ-39,1,4599900\nPersonalización bordada,1,800000\n"
    );
    // Square: a fractional quantity is refused with its line; the rest imports with --on-error skip.
    let path = env.fixture("platforms/square/items-2025-06-01-2025-06-30.csv");
    let rejects = env.path("square-rejects.csv");
    let run = env
        .omni(&[
            "import",
            "sales",
            "--currency",
            "USD",
            "--on-error",
            "skip",
            "--rejects",
            rejects.to_str().unwrap(),
            path.to_str().unwrap(),
        ])
        .ok();
    assert!(
        run.stderr
            .contains("11 rows read, 10 new, 0 updated, 0 unchanged, 1 rejected"),
        "{}",
        run.stderr
    );
    assert!(
        std::fs::read_to_string(&rejects)
            .unwrap()
            .contains("Qty \"\"1.5\"\" must be a whole number")
    );
    assert_eq!(env.scalar("SELECT count(*) FROM order_lines WHERE channel_id = (SELECT id FROM channels WHERE name = 'square') AND quantity < 0"), "1");
    // Shopify: an export, then a later one that overlaps it.
    import("sales", "shopify/orders_export_refunds.csv", &[]);
    import("sales", "shopify/orders_export_later.csv", &[]);
    assert_eq!(env.scalar("SELECT count(*) FROM orders WHERE channel_id = (SELECT id FROM channels WHERE name = 'shopify')"), "8");
}

#[test]
fn a_mapping_can_fix_delimiter_dates_and_decimal_mark() {
    let env = Env::new();
    env.init();
    // Nothing in this file tells 03/04 from 04/03 or 1,234 from 1.234.
    let f = env.write(
        "erp.txt",
        "Pedido|Fecha|Ref|Uds|Precio\nP-1|03/04/2025|ALP-001|1|1,234\n",
    );
    let map = env.write(
        "erp.toml",
        "kind = \"sales\"\ndelimiter = \"|\"\ndate_format = \"%d/%m/%Y\"\ndecimal = \"comma\"\n[columns]\norder_id = \"Pedido\"\nordered_at = \"Fecha\"\nsku = \"Ref\"\nquantity = \"Uds\"\nunit_price = \"Precio\"\n",
    );
    env.omni(&[
        "import",
        "sales",
        "--channel",
        "web",
        "--currency",
        "KWD",
        "--map",
        map.to_str().unwrap(),
        f.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(
        env.scalar("SELECT ordered_at || ' ' || unit_price || ' ' || currency FROM order_lines"),
        "2025-04-02T22:00:00Z 1234 KWD"
    );
    let bad = env.write(
        "bad.toml",
        "decimal = \"both\"\n[columns]\norder_id = \"Pedido\"\n",
    );
    env.omni(&[
        "import",
        "sales",
        "--map",
        bad.to_str().unwrap(),
        f.to_str().unwrap(),
    ])
    .fails_with(1, "decimal \"both\" is not \"comma\" or \"dot\"");
    let broken = env.write("broken.toml", "[columns]\norder_id = \n");
    env.omni(&[
        "import",
        "sales",
        "--map",
        broken.to_str().unwrap(),
        f.to_str().unwrap(),
    ])
    .fails_with(1, "broken.toml:2:");
}
