/** ESC/POS receipt printer driver with real-time status, and the idempotent print queue. */
package org.tongpos.hardware.printer;
