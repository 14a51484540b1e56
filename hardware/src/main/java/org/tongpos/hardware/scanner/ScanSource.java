package org.tongpos.hardware.scanner;

public enum ScanSource { SERIAL, KEYBOARD_WEDGE, SIMULATOR }
