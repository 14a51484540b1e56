/** Byte links to devices (TCP, serial via jSerialComm, device files) with timeouts, and the framed reader for serial input devices. */
package org.tongpos.hardware.link;
