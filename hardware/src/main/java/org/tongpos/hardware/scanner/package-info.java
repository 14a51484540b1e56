/** Barcode/QR scanners (serial, keyboard wedge), AIM symbologies, and routing of scans to goods, payment or canteen. */
package org.tongpos.hardware.scanner;
