/**
 * Body of GET /wc/v3/system_status, shaped after the captured WooCommerce 10.0.2 store
 * (test/fixtures/woocommerce/real-10.0.2/system_status.json). `__ORIGIN__` and `__WC_VERSION__` are
 * filled in per request.
 */
export const SYSTEM_STATUS_TEMPLATE: Record<string, unknown> = {
	"environment": {
		"home_url": "__ORIGIN__",
		"site_url": "__ORIGIN__",
		"store_id": "00000000-5a4d-4b0c-8000-000000000001",
		"version": "__WC_VERSION__",
		"log_directory": "/srv/sandbox/wp/wp-content/uploads/wc-logs/",
		"log_directory_writable": true,
		"wp_version": "6.8.8",
		"wp_multisite": false,
		"wp_memory_limit": 536870912,
		"wp_debug_mode": true,
		"wp_cron": false,
		"language": "en_US",
		"external_object_cache": null,
		"server_info": "nginx/1.22.1 (woo sandbox)",
		"server_architecture": "Linux 6.18.44-fc-v669 x86_64",
		"php_version": "8.2.36",
		"php_post_max_size": 33554432,
		"php_max_execution_time": 120,
		"php_max_input_vars": 1000,
		"curl_version": "7.88.1, OpenSSL/3.0.22",
		"suhosin_installed": false,
		"max_upload_size": 33554432,
		"mysql_version": "10.11.19",
		"mysql_version_string": "10.11.19-MariaDB-0+deb12u1",
		"default_timezone": "UTC",
		"fsockopen_or_curl_enabled": true,
		"soapclient_enabled": false,
		"domdocument_enabled": true,
		"gzip_enabled": true,
		"mbstring_enabled": true,
		"remote_post_successful": false,
		"remote_post_response": "",
		"remote_get_successful": false,
		"remote_get_response": ""
	},
	"database": {
		"wc_database_version": "__WC_VERSION__",
		"database_prefix": "wp_",
		"maxmind_geoip_database": "",
		"database_tables": {
			"woocommerce": {
				"wp_woocommerce_sessions": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_woocommerce_api_keys": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_woocommerce_attribute_taxonomies": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_woocommerce_downloadable_product_permissions": {
					"data": "0.02",
					"index": "0.06",
					"engine": "InnoDB"
				},
				"wp_woocommerce_order_items": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_woocommerce_order_itemmeta": {
					"data": "0.11",
					"index": "0.13",
					"engine": "InnoDB"
				},
				"wp_woocommerce_tax_rates": {
					"data": "0.02",
					"index": "0.06",
					"engine": "InnoDB"
				},
				"wp_woocommerce_tax_rate_locations": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_woocommerce_shipping_zones": {
					"data": "0.02",
					"index": "0.00",
					"engine": "InnoDB"
				},
				"wp_woocommerce_shipping_zone_locations": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_woocommerce_shipping_zone_methods": {
					"data": "0.02",
					"index": "0.00",
					"engine": "InnoDB"
				},
				"wp_woocommerce_payment_tokens": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_woocommerce_payment_tokenmeta": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_woocommerce_log": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				}
			},
			"other": {
				"wp_actionscheduler_actions": {
					"data": "0.06",
					"index": "0.11",
					"engine": "InnoDB"
				},
				"wp_actionscheduler_claims": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_actionscheduler_groups": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_actionscheduler_logs": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_commentmeta": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_comments": {
					"data": "0.05",
					"index": "0.09",
					"engine": "InnoDB"
				},
				"wp_links": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_options": {
					"data": "0.20",
					"index": "0.08",
					"engine": "InnoDB"
				},
				"wp_postmeta": {
					"data": "0.13",
					"index": "0.14",
					"engine": "InnoDB"
				},
				"wp_posts": {
					"data": "0.08",
					"index": "0.06",
					"engine": "InnoDB"
				},
				"wp_termmeta": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_terms": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_term_relationships": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_term_taxonomy": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_usermeta": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_users": {
					"data": "0.02",
					"index": "0.05",
					"engine": "InnoDB"
				},
				"wp_wc_admin_notes": {
					"data": "0.02",
					"index": "0.00",
					"engine": "InnoDB"
				},
				"wp_wc_admin_note_actions": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_wc_category_lookup": {
					"data": "0.02",
					"index": "0.00",
					"engine": "InnoDB"
				},
				"wp_wc_customer_lookup": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_wc_download_log": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_wc_orders": {
					"data": "0.02",
					"index": "0.11",
					"engine": "InnoDB"
				},
				"wp_wc_orders_meta": {
					"data": "0.05",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_wc_order_addresses": {
					"data": "0.02",
					"index": "0.06",
					"engine": "InnoDB"
				},
				"wp_wc_order_coupon_lookup": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_wc_order_operational_data": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_wc_order_product_lookup": {
					"data": "0.02",
					"index": "0.08",
					"engine": "InnoDB"
				},
				"wp_wc_order_stats": {
					"data": "0.02",
					"index": "0.05",
					"engine": "InnoDB"
				},
				"wp_wc_order_tax_lookup": {
					"data": "0.02",
					"index": "0.03",
					"engine": "InnoDB"
				},
				"wp_wc_product_attributes_lookup": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_wc_product_download_directories": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_wc_product_meta_lookup": {
					"data": "0.02",
					"index": "0.11",
					"engine": "InnoDB"
				},
				"wp_wc_rate_limits": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_wc_reserved_stock": {
					"data": "0.02",
					"index": "0.00",
					"engine": "InnoDB"
				},
				"wp_wc_tax_rate_classes": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				},
				"wp_wc_webhooks": {
					"data": "0.02",
					"index": "0.02",
					"engine": "InnoDB"
				}
			}
		},
		"database_size": {
			"data": 1.5400000000000007,
			"index": 1.9700000000000009
		}
	},
	"active_plugins": [
		{
			"plugin": "woocommerce/woocommerce.php",
			"name": "WooCommerce",
			"version": "__WC_VERSION__",
			"version_latest": "__WC_VERSION__",
			"url": "https://woocommerce.com/",
			"author_name": "Automattic",
			"author_url": "https://woocommerce.com",
			"network_activated": false
		}
	],
	"inactive_plugins": [
		{
			"plugin": "akismet/akismet.php",
			"name": "Akismet Anti-spam: Spam Protection",
			"version": "5.5",
			"version_latest": "5.5",
			"url": "https://akismet.com/",
			"author_name": "Automattic - Anti-spam Team",
			"author_url": "https://automattic.com/wordpress-plugins/",
			"network_activated": false
		},
		{
			"plugin": "hello.php",
			"name": "Hello Dolly",
			"version": "1.7.2",
			"version_latest": "1.7.2",
			"url": "http://wordpress.org/plugins/hello-dolly/",
			"author_name": "Matt Mullenweg",
			"author_url": "http://ma.tt/",
			"network_activated": false
		}
	],
	"dropins_mu_plugins": {
		"dropins": [],
		"mu_plugins": [
			{
				"plugin": "wc-testbed.php",
				"name": "WC test bed helpers",
				"version": "",
				"url": "",
				"author_name": "",
				"author_url": ""
			}
		]
	},
	"theme": {
		"name": "Twenty Twenty-Five",
		"version": "1.3",
		"version_latest": 0,
		"author_url": "https://wordpress.org",
		"is_child_theme": false,
		"is_block_theme": true,
		"has_woocommerce_support": false,
		"has_woocommerce_file": false,
		"has_outdated_templates": false,
		"overrides": [
			{
				"file": "/srv/sandbox/wp/wp-content/plugins/woocommerce/templates/block-notices/error.php",
				"version": "8.6.0",
				"core_version": "8.6.0"
			},
			{
				"file": "/srv/sandbox/wp/wp-content/plugins/woocommerce/templates/block-notices/notice.php",
				"version": "9.5.0",
				"core_version": "8.6.0"
			},
			{
				"file": "/srv/sandbox/wp/wp-content/plugins/woocommerce/templates/block-notices/success.php",
				"version": "8.6.0",
				"core_version": "8.6.0"
			}
		],
		"parent_name": "",
		"parent_version": "",
		"parent_version_latest": "",
		"parent_author_url": ""
	},
	"settings": {
		"api_enabled": false,
		"force_ssl": false,
		"currency": "USD",
		"currency_symbol": "&#36;",
		"currency_position": "left",
		"thousand_separator": ",",
		"decimal_separator": ".",
		"number_of_decimals": 2,
		"geolocation_enabled": false,
		"taxonomies": {
			"external": "external",
			"grouped": "grouped",
			"simple": "simple",
			"variable": "variable"
		},
		"product_visibility_terms": {
			"exclude-from-catalog": "exclude-from-catalog",
			"exclude-from-search": "exclude-from-search",
			"featured": "featured",
			"outofstock": "outofstock",
			"rated-1": "rated-1",
			"rated-2": "rated-2",
			"rated-3": "rated-3",
			"rated-4": "rated-4",
			"rated-5": "rated-5"
		},
		"woocommerce_com_connected": "no",
		"enforce_approved_download_dirs": true,
		"order_datastore": "Automattic\\WooCommerce\\Internal\\DataStores\\Orders\\OrdersTableDataStore",
		"HPOS_enabled": true,
		"HPOS_sync_enabled": false,
		"enabled_features": [
			"analytics",
			"marketplace",
			"order_attribution",
			"site_visibility_badge",
			"remote_logging",
			"blueprint",
			"point_of_sale",
			"custom_order_tables"
		]
	},
	"security": {
		"secure_connection": true,
		"hide_errors": true
	},
	"pages": [
		{
			"page_name": "Shop base",
			"page_id": "5",
			"page_set": true,
			"page_exists": true,
			"page_visible": true,
			"shortcode": "",
			"block": "",
			"shortcode_required": false,
			"shortcode_present": false,
			"block_present": false,
			"block_required": false
		},
		{
			"page_name": "Cart",
			"page_id": "6",
			"page_set": true,
			"page_exists": true,
			"page_visible": true,
			"shortcode": "[woocommerce_cart]",
			"block": "woocommerce/cart",
			"shortcode_required": true,
			"shortcode_present": false,
			"block_present": true,
			"block_required": true
		},
		{
			"page_name": "Checkout",
			"page_id": "7",
			"page_set": true,
			"page_exists": true,
			"page_visible": true,
			"shortcode": "[woocommerce_checkout]",
			"block": "woocommerce/checkout",
			"shortcode_required": true,
			"shortcode_present": false,
			"block_present": true,
			"block_required": true
		},
		{
			"page_name": "My account",
			"page_id": "8",
			"page_set": true,
			"page_exists": true,
			"page_visible": true,
			"shortcode": "[woocommerce_my_account]",
			"block": "",
			"shortcode_required": true,
			"shortcode_present": true,
			"block_present": false,
			"block_required": false
		},
		{
			"page_name": "Terms and conditions",
			"page_id": "",
			"page_set": false,
			"page_exists": false,
			"page_visible": false,
			"shortcode": "",
			"block": "",
			"shortcode_required": false,
			"shortcode_present": false,
			"block_present": false,
			"block_required": false
		}
	],
	"post_type_counts": [
		{
			"type": "attachment",
			"count": "4"
		},
		{
			"type": "page",
			"count": "7"
		},
		{
			"type": "post",
			"count": "1"
		},
		{
			"type": "product",
			"count": "30"
		},
		{
			"type": "product_variation",
			"count": "46"
		},
		{
			"type": "shop_coupon",
			"count": "1"
		},
		{
			"type": "shop_order_placehold",
			"count": "53"
		}
	],
	"logging": {
		"logging_enabled": true,
		"default_handler": "Automattic\\WooCommerce\\Internal\\Admin\\Logging\\LogHandlerFileV2",
		"retention_period_days": 30,
		"level_threshold": "",
		"log_directory_size": "240 B"
	}
};
