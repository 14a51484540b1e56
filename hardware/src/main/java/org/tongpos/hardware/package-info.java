/** Device drivers and simulators for TongPOS terminals: no JavaFX, no database. */
package org.tongpos.hardware;
