/** Receipt model (plain data, amounts in fen) and its layout for 58/80 mm paper; the printer test page. */
package org.tongpos.hardware.receipt;
